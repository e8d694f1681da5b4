import { hashPassword } from '../auth/passwords.js';
import type { Ctx, Services } from '../context.js';
import { isoNow } from '../context.js';
import { createConversation } from '../conversations/commands/create-conversation.js';
import { postMessage } from '../conversations/commands/post-message.js';
import { createParty } from '../erp/commands/create-party.js';
import type { PartyOut } from '../erp/presenters.js';
import type { PartyInput } from '../erp/schema.js';
import { createTransaction } from '../erp/transactions/commands/create-transaction.js';
import { createConversationType } from '../preferences/commands/create-conversation-type.js';
import { createUser } from '../users/commands/create-user.js';
import { createUserGroup } from '../users/commands/create-user-group.js';

export interface DemoLogin {
  username: string;
  password: string;
  description: string;
}

export const DEMO_PASSWORD = 'switchboard';
export const DEMO_LOGINS: DemoLogin[] = [
  { username: 'admin', password: DEMO_PASSWORD, description: 'Avery Admin — administrator' },
  { username: 'maria', password: DEMO_PASSWORD, description: 'Maria Lopez — Customer Service' },
  { username: 'paul', password: DEMO_PASSWORD, description: 'Paul Chen — Purchasing' },
  { username: 'sam', password: DEMO_PASSWORD, description: 'Sam Rivera — Customer Service and Purchasing' },
];

const party = (name: string, companyName: string | null, methods: [string, string, string?][], contacts: PartyInput['contacts'] = []): PartyInput => ({
  name,
  companyName,
  contactMethods: methods.map(([type, value, description]) => ({ type: type as 'Phone', value, description: description ?? null })),
  contacts,
});
const contact = (name: string, title: string, phone: string | null, email: string | null) => ({ name, title, phone, email });

/**
 * Seeds an empty database with demo users, groups, records and conversations, and returns the
 * demo sign-ins. A database that already has users is left alone (and its demo sign-ins are
 * reported only if the demo admin is still there). Phone numbers are in the fictional
 * NXX-555-01xx range.
 */
export async function seedDemoData(s: Services): Promise<DemoLogin[] | null> {
  const anyUser = await s.db.selectFrom('users').select(['id', 'username']).limit(1).executeTakeFirst();
  if (anyUser) {
    const demoAdmin = await s.db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
    return demoAdmin ? DEMO_LOGINS : null;
  }
  const now = isoNow(s.clock);
  const { id: adminId } = await s.db
    .insertInto('users')
    .values({ username: 'admin', name: 'Avery Admin', email: 'admin@example.com', role: 'admin', password_hash: await hashPassword(DEMO_PASSWORD), active: 1, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const asAdmin: Ctx = { ...s, actor: { id: adminId, username: 'admin', name: 'Avery Admin', role: 'admin' } };

  const user = (username: string, name: string) =>
    createUser(asAdmin, { username, name, email: `${username}@example.com`, role: 'user', active: true, password: DEMO_PASSWORD });
  const maria = await user('maria', 'Maria Lopez');
  const paul = await user('paul', 'Paul Chen');
  const sam = await user('sam', 'Sam Rivera');
  const service = await createUserGroup(asAdmin, { name: 'Customer Service', description: 'Answers customers about orders and quotes', memberIds: [maria.id, sam.id] });
  const purchasing = await createUserGroup(asAdmin, { name: 'Purchasing', description: 'Orders from vendors', memberIds: [paul.id, sam.id] });

  const types: Record<string, number> = {};
  for (const [position, name] of ['General', 'Order Question', 'Quote Request', 'Purchasing', 'Delivery', 'Support'].entries()) {
    types[name] = (await createConversationType(asAdmin, { name, active: true, position })).id;
  }

  const customers = [];
  for (const input of [
    party('Ada Lovelace', 'Analytical Engines Ltd', [['Cell Phone', '(201) 555-0123', 'mobile'], ['Email', 'ada@analytical.example']], [contact('Charles Babbage', 'Partner', '(201) 555-0124', 'charles@analytical.example')]),
    party('Grace Hopper', 'Harbor Marine Supply', [['Phone', '201-555-0130', 'office'], ['Cell Phone', '201.555.0131', 'Grace mobile'], ['Fax', '201-555-0132']], [contact('Wanda Bell', 'Buyer', '201-555-0133', null)]),
    party('Marigold Bakery', 'Marigold Bakery LLC', [['Cell Phone', '+1 201 555 0140', 'owner'], ['Email', 'orders@marigold.example']]),
    party('Oscar Diaz', null, [['Cell Phone', '(973) 555-0150']]),
    party('Northwind Traders', 'Northwind Traders Inc.', [['Phone', '(973) 555-0160', 'front desk'], ['Other', 'northwind.example', 'website']], [contact('Nancy Davolio', 'Purchasing Manager', '(973) 555-0161', 'nancy@northwind.example'), contact('Andrew Fuller', 'VP Sales', '(973) 555-0162', null)]),
    party('Lena Park', 'Park Landscaping', [['Cell Phone', '(862) 555-0170'], ['Email', 'lena@parkland.example']]),
  ]) {
    customers.push(await createParty(asAdmin, 'customer', input));
  }
  const vendors = [];
  for (const input of [
    party('Acme Fasteners', 'Acme Fasteners Co.', [['Phone', '(201) 555-0180', 'order desk'], ['Cell Phone', '(973) 555-0182', 'rep: Joe']]),
    party('Blue Ridge Lumber', 'Blue Ridge Lumber', [['Cell Phone', '(973) 555-0190', 'yard manager'], ['Email', 'sales@blueridge.example']]),
    party('Coastal Paints', 'Coastal Paints & Coatings', [['Phone', '(862) 555-0195'], ['Fax', '(862) 555-0196']]),
  ]) {
    vendors.push(await createParty(asAdmin, 'vendor', input));
  }

  const [ada, grace, marigold, oscar, northwind] = customers.map((c) => c!) as [PartyOut, PartyOut, PartyOut, PartyOut, PartyOut];
  const [acme, blueRidge] = vendors as [PartyOut, PartyOut];
  const tx = (type: 'quote' | 'sales_order' | 'invoice' | 'purchase_order' | 'vendor_bill', partyId: number, totalCents: number, memo: string) =>
    createTransaction(asAdmin, {
      type,
      customerId: type === 'purchase_order' || type === 'vendor_bill' ? null : partyId,
      vendorId: type === 'purchase_order' || type === 'vendor_bill' ? partyId : null,
      status: 'open',
      totalCents,
      memo,
    });
  const quote = await tx('quote', ada.id, 125_000, '40 brass hinges, satin finish');
  const order = await tx('sales_order', grace.id, 348_250, 'Marine varnish, 12 gallons; deliver to dock 4');
  await tx('sales_order', marigold.id, 18_999, 'Display shelving, 2 units');
  await tx('invoice', northwind.id, 562_000, 'Net 30');
  await tx('invoice', oscar.id, 4_500, 'Paid at counter');
  const po = await tx('purchase_order', acme.id, 91_540, '5,000 #8 wood screws');
  await tx('vendor_bill', blueRidge.id, 233_000, 'Cedar boards, invoice 7781');

  const as = (u: { id: number; username: string; name: string }): Ctx => ({ ...s, actor: { id: u.id, username: u.username, name: u.name, role: 'user' } });
  const c1 = await createConversation(as(maria), {
    subject: `Delivery date for ${order.transactionId}`,
    typeId: types['Order Question']!,
    tags: [{ kind: 'group', id: service.id }, { kind: 'customer', id: grace.id }, { kind: 'transaction', id: order.id }],
    body: 'Grace asked whether the varnish can arrive before Friday. Can anyone check the truck schedule?',
  });
  await postMessage(as(sam), c1.id, 'Truck 2 has room on Thursday morning. I will confirm with the warehouse.');
  const c2 = await createConversation(as(paul), {
    subject: `Screws backordered on ${po.transactionId}`,
    typeId: types['Purchasing']!,
    tags: [{ kind: 'group', id: purchasing.id }, { kind: 'vendor', id: acme.id }, { kind: 'transaction', id: po.id }],
    body: 'Acme says the #8 screws are backordered two weeks. Should we split the order?',
  });
  await postMessage(as(sam), c2.id, 'Split it: take what they have now and the rest when it lands.');
  await createConversation(as(maria), {
    subject: `Quote follow-up ${quote.transactionId}`,
    typeId: types['Quote Request']!,
    tags: [{ kind: 'user', id: paul.id }, { kind: 'customer', id: ada.id }, { kind: 'transaction', id: quote.id }],
    body: 'Paul, can you get a better price on the satin hinges? Ada is comparing with another supplier.',
  });
  await createConversation(asAdmin, {
    subject: 'Welcome to Switchboard',
    typeId: types['General']!,
    tags: [{ kind: 'group', id: service.id }, { kind: 'group', id: purchasing.id }],
    body: 'Conversations are tagged with the people, groups and records they are about. Tag a customer, vendor or transaction to see the conversation on its page.',
  });
  return DEMO_LOGINS;
}
