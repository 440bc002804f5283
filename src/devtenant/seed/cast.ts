// Who appears in the seeded tenant: the owner, the VA and colleagues (tenant users on the verified domain),
// and the outside world that writes to the owner (customers, newsletters, no-reply senders, spammers).
import type { DevAddress, DevUser } from '../tenant-seed.ts';
import type { Random } from './random.ts';

export const TENANT_DOMAIN = 'contoso.example';

const FIRST_NAMES = ['Adele', 'Alex', 'Diego', 'Grady', 'Henrietta', 'Isaiah', 'Johanna', 'Joni', 'Lee', 'Lidia', 'Lynne', 'Megan', 'Miriam', 'Nestor', 'Patti', 'Pradeep', 'Ines', 'Sofia', 'Tomas', 'Yara', 'Kenji', 'Amara', 'Lars', 'Chloe'];
const LAST_NAMES = ['Vance', 'Wilber', 'Siciliani', 'Archie', 'Mueller', 'Langer', 'Lauer', 'Sherman', 'Gu', 'Holloway', 'Robinson', 'Bowen', 'Graham', 'Wilke', 'Fernandez', 'Gupta', 'Okafor', 'Novak', 'Berg', 'Laurent', 'Tanaka', 'Costa', 'Jensen', 'Moreau'];
const CUSTOMER_DOMAINS = ['fabrikam.example', 'northwind.example', 'tailspintoys.example', 'adatum.example', 'woodgrovebank.example', 'litwareinc.example', 'proseware.example', 'wingtiptoys.example', 'alpineskihouse.example', 'margiestravel.example', 'lucernepublishing.example', 'wideworldimporters.example'];
const NEWSLETTERS: readonly DevAddress[] = [
  { name: 'Fabrikam Insights', address: 'insights@news.fabrikam.example' },
  { name: 'Contoso Industry Weekly', address: 'weekly@mail.industryweekly.example' },
  { name: 'Litware Product Updates', address: 'updates@litwareinc.example' },
  { name: 'Northwind Traders Deals', address: 'deals@email.northwind.example' },
  { name: 'Local Chamber of Commerce', address: 'members@chamber.example' },
];
const NO_REPLY: readonly DevAddress[] = [
  { name: 'Woodgrove Bank', address: 'no-reply@woodgrovebank.example' },
  { name: 'Proseware Invoices', address: 'noreply@billing.proseware.example' },
  { name: 'Margie’s Travel', address: 'do-not-reply@margiestravel.example' },
  { name: 'Alpine Ski House Bookings', address: 'donotreply@alpineskihouse.example' },
  { name: 'Parcel Tracking', address: 'noreply@tracking.parcel.example' },
];
const SPAMMERS: readonly DevAddress[] = [
  { name: 'Prize Department', address: 'winner@lucky-prize.example' },
  { name: 'SEO Experts', address: 'rank1@seo-growth.example' },
  { name: 'Crypto Desk', address: 'desk@quick-yield.example' },
  { name: 'Pharmacy Online', address: 'sales@cheap-meds.example' },
];

export interface Cast {
  readonly owner: DevUser;
  readonly va: DevUser;
  readonly colleagues: readonly DevUser[];
  readonly customers: readonly DevAddress[];
  readonly newsletters: readonly DevAddress[];
  readonly noReply: readonly DevAddress[];
  readonly spammers: readonly DevAddress[];
}

export function addressOf(user: DevUser): DevAddress {
  return { name: user.displayName, address: user.mail };
}

function user(random: Random, first: string, last: string): DevUser {
  const mail = `${first}.${last}@${TENANT_DOMAIN}`.toLowerCase();
  return { id: random.guid(), userPrincipalName: mail, displayName: `${first} ${last}`, mail };
}

/** Distinct people: the first two are the owner and the VA, then 3–5 colleagues and ~40 customers. */
export function castOf(random: Random): Cast {
  const firsts = random.sample(FIRST_NAMES, FIRST_NAMES.length);
  const lasts = random.sample(LAST_NAMES, LAST_NAMES.length);
  const staff = Array.from({ length: 2 + random.int(3, 5) }, (_, i) => user(random, firsts[i]!, lasts[i]!));
  const customers: DevAddress[] = [];
  const seen = new Set<string>();
  while (customers.length < 40) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const address = `${first}.${last}@${random.pick(CUSTOMER_DOMAINS)}`.toLowerCase();
    if (seen.has(address)) continue;
    seen.add(address);
    customers.push({ name: `${first} ${last}`, address });
  }
  return {
    owner: staff[0]!,
    va: staff[1]!,
    colleagues: staff.slice(2),
    customers,
    newsletters: NEWSLETTERS,
    noReply: NO_REPLY,
    spammers: SPAMMERS,
  };
}
