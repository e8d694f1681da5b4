import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/seed/demo.js';
import { describeInBrowser, launchBrowser } from './support/browser.js';
import { signedInPage } from './support/pages.js';
import { startAppServer } from './support/server.js';

describeInBrowser('internal conversations in the browser', () => {
  let server: Awaited<ReturnType<typeof startAppServer>>;
  let browser: Browser;
  beforeAll(async () => {
    server = await startAppServer({ SEED_DEMO: 'true' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('one user starts a conversation tagging another, who sees it arrive live and replies', async () => {
    const maria = await signedInPage(browser, server.url, 'maria', DEMO_PASSWORD);
    const paul = await signedInPage(browser, server.url, 'paul', DEMO_PASSWORD);
    const subject = `Pallet count ${Date.now()}`;
    await paul.page.getByRole('heading', { name: 'Conversations' }).first().waitFor();
    await expect(paul.page.getByTestId('conversation-item').filter({ hasText: subject }).count()).resolves.toBe(0);

    const m = maria.page;
    await m.getByRole('button', { name: 'New Conversation' }).click();
    await m.getByLabel('Subject').fill(subject);
    await m.getByRole('button', { name: 'Tag', exact: true }).click();
    await m.getByLabel('Search users, groups, customers, vendors, transactions').fill('Paul');
    await m.getByRole('button', { name: /Paul Chen/ }).click();
    await m.getByLabel('First message').fill('Paul, how many pallets came in from Acme today?');
    await m.getByRole('button', { name: 'Create' }).click();
    await m.getByTestId('message').filter({ hasText: 'how many pallets' }).waitFor();

    // Paul's list shows it without a reload, unread.
    const item = paul.page.getByTestId('conversation-item').filter({ hasText: subject });
    await item.waitFor();
    await item.getByTestId('unread-badge').waitFor();
    await item.click();
    await paul.page.getByTestId('message').filter({ hasText: 'how many pallets' }).waitFor();
    await paul.page.getByLabel('Message').fill('Twelve pallets, all checked in.');
    await paul.page.getByRole('button', { name: 'Send' }).click();

    // Maria's open reading pane shows the reply without a reload.
    await m.getByTestId('message').filter({ hasText: 'Twelve pallets, all checked in.' }).waitFor();
    const bodies = await m.getByTestId('message').allTextContents();
    expect(bodies.some((b) => b.includes('Paul Chen'))).toBe(true);
    await maria.context.close();
    await paul.context.close();
  });

  it('shows the server message on the sign-in screen for a wrong password', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByLabel('Username').fill('maria');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The username or password is incorrect.').waitFor();
    await context.close();
  });
});
