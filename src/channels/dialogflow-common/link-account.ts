/**
 * Account linking on Google. Alexa shows a link-account card in its app; a Dialogflow agent has
 * no such card (Assistant's sign-in helper went with Conversational Actions), so the handler's
 * words say how to link and the chat or screen shows the council's website to do it on.
 */
import type { Reply } from '../../core/reply';

/** Text lines a screen or chat shows with the answer: the card's words, and the website to link on. */
export function linkAccountLines(reply: Reply, councilWebsite: string | undefined): string[] {
  if (reply.next?.type !== 'link-account') return [];
  const lines: string[] = [];
  if (reply.card) lines.push(`${reply.card.title}: ${reply.card.text}`);
  if (councilWebsite && !lines.some((line) => line.includes(councilWebsite))) lines.push(councilWebsite);
  return lines;
}
