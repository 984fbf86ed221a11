/* global window, speechSynthesis, SpeechSynthesisUtterance */
/**
 * The browser's own speech: recognition for the microphone button (where the browser has it)
 * and synthesis to read replies aloud, so staff hear roughly what residents hear.
 */

export function createMicrophone({ button, status, onHeard }) {
  const Recognition = window.SpeechRecognition ?? window.webkitSpeechRecognition;
  if (!Recognition) {
    button.disabled = true;
    status.textContent = 'This browser cannot listen; type instead.';
    return { available: false };
  }
  let recognition;
  function stop() {
    recognition?.stop();
    recognition = undefined;
    button.setAttribute('aria-pressed', 'false');
    button.textContent = 'Speak';
  }
  button.addEventListener('click', () => {
    if (recognition) {
      stop();
      return;
    }
    recognition = new Recognition();
    recognition.lang = 'en-GB';
    recognition.interimResults = false;
    recognition.maxAlternatives = 1;
    recognition.addEventListener('result', (event) => {
      const heard = event.results[0]?.[0]?.transcript ?? '';
      status.textContent = heard ? `Heard: “${heard}”` : 'Heard nothing.';
      if (heard) onHeard(heard);
    });
    recognition.addEventListener('error', (event) => {
      status.textContent = event.error === 'not-allowed'
        ? 'The browser was not allowed to use the microphone.'
        : `Could not listen (${event.error}).`;
    });
    recognition.addEventListener('end', stop);
    button.setAttribute('aria-pressed', 'true');
    button.textContent = 'Stop listening';
    status.textContent = 'Listening…';
    recognition.start();
  });
  return { available: true };
}

/** Reads `text` aloud in British English, interrupting anything still being said. */
export function speak(text) {
  if (!('speechSynthesis' in window) || !text) return;
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'en-GB';
  const voice = speechSynthesis.getVoices().find((v) => v.lang === 'en-GB');
  if (voice) utterance.voice = voice;
  speechSynthesis.speak(utterance);
}
