import { describe, expect, it } from 'vitest';
import { ITEM_ID, itemUrl, openedItem, SITE_HOME } from '@/utils/quiet/opened';

const THREAD = 'FMfcgzQXJGmNbqtKxxx';

describe('openedItem', () => {
  it.each([
    [`https://mail.google.com/mail/u/0/#inbox/${THREAD}`, THREAD],
    [`https://mail.google.com/mail/u/1/#sent/${THREAD}`, THREAD],
    [`https://mail.google.com/mail/u/0/#label/Work/${THREAD}`, THREAD],
    [`https://mail.google.com/mail/u/0/#search/quarterly+report/${THREAD}`, THREAD],
    [`https://mail.google.com/mail/u/0/#inbox/${THREAD}?compose=new`, THREAD],
    ['https://mail.google.com/mail/u/0/#all/16f2d7a8b3c4e5f6', '16f2d7a8b3c4e5f6'],
    ['https://mail.google.com/mail/u/0/#inbox', null],
    ['https://mail.google.com/mail/u/0/', null],
    // A label or a search term is not a thread, however long.
    ['https://mail.google.com/mail/u/0/#label/ImportantCustomers', null],
    ['https://mail.google.com/mail/u/0/#search/importantinformation', null],
    ['https://mail.google.com/mail/u/0/#inbox/short123', null],
    [`https://mail.google.com/mail/u/0/#inbox/${THREAD}%20x`, null],
    [`https://evil.example/mail/u/0/#inbox/${THREAD}`, null],
    [`http://mail.google.com/mail/u/0/#inbox/${THREAD}`, null],
  ])('gmail %s', (url, id) => expect(openedItem('gmail', url)).toBe(id));

  it.each([
    ['https://app.slack.com/client/T0TEST/C0TEST', 'T0TEST/C0TEST'],
    ['https://app.slack.com/client/T0TEST/D0TEST/thread/C0TEST-1700000000.000100', 'T0TEST/D0TEST'],
    ['https://app.slack.com/client/T0TEST/G0PRIVATE?cdn_fallback=1', 'T0TEST/G0PRIVATE'],
    ['https://app.slack.com/client/T0TEST', null],
    ['https://app.slack.com/client/T0TEST/browse-channels', null],
    ['https://app.slack.com/client/T0TEST/U0ALICE', null],
    ['https://app.slack.com/huddle/T0TEST/C0TEST', null],
    ['https://slack.example/client/T0TEST/C0TEST', null],
  ])('slack %s', (url, id) => expect(openedItem('slack', url)).toBe(id));

  it.each([
    ['https://docs.google.com/document/d/1AbC_dEf-GhIjKlMnOpQrStUvWxYz/edit', '1AbC_dEf-GhIjKlMnOpQrStUvWxYz'],
    ['https://docs.google.com/document/u/1/d/1AbC_dEf-GhIjKlMnOpQrStUvWxYz/edit#heading=h.1', '1AbC_dEf-GhIjKlMnOpQrStUvWxYz'],
    ['https://docs.google.com/document/', null],
    ['https://docs.google.com/spreadsheets/d/1AbC_dEf-GhIjKlMnOpQrStUvWxYz/edit', null],
    ['https://docs.google.com/document/d/<script>/edit', null],
  ])('docs %s', (url, id) => expect(openedItem('docs', url)).toBe(id));

  it('junk is null, never thrown', () => {
    for (const junk of ['', 'not a url', 'javascript:alert(1)', 'https://', '#inbox/' + THREAD]) {
      expect(openedItem('gmail', junk)).toBeNull();
      expect(openedItem('slack', junk)).toBeNull();
      expect(openedItem('docs', junk)).toBeNull();
    }
  });
});

describe('itemUrl', () => {
  it('opens one item again, and what it found round-trips', () => {
    expect(itemUrl('gmail', THREAD)).toBe(`https://mail.google.com/mail/u/0/#inbox/${THREAD}`);
    expect(itemUrl('slack', 'T0TEST/C0TEST')).toBe('https://app.slack.com/client/T0TEST/C0TEST');
    expect(itemUrl('docs', '1AbC_dEf-GhIjKlMnOpQrStUvWxYz')).toBe('https://docs.google.com/document/d/1AbC_dEf-GhIjKlMnOpQrStUvWxYz/edit');
    expect(openedItem('gmail', itemUrl('gmail', THREAD))).toBe(THREAD);
    expect(openedItem('slack', itemUrl('slack', 'T0TEST/D0TEST'))).toBe('T0TEST/D0TEST');
  });

  it('an id that does not look like the site’s opens the home', () => {
    expect(itemUrl('gmail', '../../evil')).toBe(SITE_HOME.gmail);
    expect(itemUrl('slack', 'C0TEST')).toBe(SITE_HOME.slack);
    expect(ITEM_ID.slack.test('T0TEST/C0TEST')).toBe(true);
  });
});
