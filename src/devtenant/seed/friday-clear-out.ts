// The VA's Friday ritual: on most Fridays, before the inbox-zero cut-off, she files whatever is left in the
// Inbox into Archive (answered or not: filing is not answering). Weeks she skips, is away, or mail arrives
// after she cleared it, the Inbox is not empty at the cut-off, so the seeded tenant has passes and fails.
import type { DateTime } from 'luxon';
import { replayEvents } from './replay.ts';
import { FOLDER, minutes, move, type Story } from './story.ts';

/** How often she clears the Inbox on a Friday she is working. */
const CLEAR_OUT_CHANCE = 0.7;

export function fridayClearOuts(story: Story, fridays: readonly DateTime[]): void {
  const { random } = story;
  for (const friday of fridays) {
    const at = friday.set({ hour: 16, minute: random.int(40, 59) }).toMillis();
    const working = story.calendar.between(at, at + minutes(1)) === minutes(1);
    if (!working || at >= story.end || !random.chance(CLEAR_OUT_CHANCE)) continue;
    const sorted = [...story.events].sort((a, b) => a.at - b.at);
    for (const entry of replayEvents(sorted, story.mailbox, at)) {
      if (entry.folder === FOLDER.inbox && entry.deletedAt === null) move(story, entry.message, at, FOLDER.archive);
    }
  }
}
