// Hands the Teams stand-in's settings (bot app, Tandem's Graph app, their CA) to child instances through one
// environment variable, and counts what reached its chats by delivery key.
import { z } from 'zod';
import type { ChatStore } from '../../src/devtenant/chat-store.ts';
import type { TeamsStandIn } from '../../src/devtenant/teams-stand-in.ts';
import type { BotAppSettings } from '../../src/wiring/chat.ts';

const settingsSchema = z.object({
  bot: z.object({
    appId: z.string(),
    appPassword: z.string(),
    appTenantId: z.string(),
    authorityHost: z.string(),
    authorityMetadata: z.string(),
    trustedCaPem: z.string(),
    endpoints: z.record(z.string(), z.string()),
  }),
  graphApp: z.object({ tenantId: z.string(), clientId: z.string(), clientSecret: z.string(), authorityHost: z.string(), authorityMetadata: z.string(), trustedCaPem: z.string(), graphResource: z.string(), graphBaseUrl: z.string() }),
});

export function teamsStandInEnv(teams: TeamsStandIn): string {
  return JSON.stringify({ bot: teams.bot, graphApp: teams.graphApp });
}

export function parseTeamsStandInEnv(value: string | undefined): { bot: BotAppSettings; graphApp: z.infer<typeof settingsSchema>['graphApp'] } {
  const parsed = settingsSchema.parse(JSON.parse(value ?? 'null'));
  return { bot: { ...parsed.bot, endpoints: parsed.bot.endpoints as unknown as NonNullable<BotAppSettings['endpoints']> }, graphApp: parsed.graphApp };
}

/** The delivery key a posted card carries (the id of the container the chat poster wraps its body in), or null. */
function keyOf(content: string | null): string | null {
  try {
    const card = JSON.parse(content ?? 'null') as { body?: Array<{ id?: unknown }> } | null;
    const id = card?.body?.[0]?.id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** Cards in the chats per delivery key; exactly once means every count is 1. */
export function cardsPerKey(chats: ChatStore): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of chats.allMessages()) {
    for (const attachment of message.attachments) {
      const key = keyOf(attachment.content) ?? '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}
