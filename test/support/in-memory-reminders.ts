/** An in-memory twin of a platform's reminder service, recording what was created and removed. */
import type { ReminderRequest, ReminderResult, ReminderService } from '../../src/core/turn';

export class InMemoryReminders implements ReminderService {
  readonly created: (ReminderRequest & { id: string })[] = [];
  readonly removed: string[] = [];
  /** The result to give from the Nth create call onwards (0-based), to exercise failures. */
  failFrom?: { index: number; result: ReminderResult };
  private next = 1;

  constructor(public hasPermission = true) {}

  async create(request: ReminderRequest): Promise<ReminderResult> {
    if (this.failFrom && this.created.length >= this.failFrom.index) return this.failFrom.result;
    const id = `rem-${this.next++}`;
    this.created.push({ ...request, id });
    return { kind: 'created', id };
  }

  async remove(id: string): Promise<boolean> {
    this.removed.push(id);
    return true;
  }
}
