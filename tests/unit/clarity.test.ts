/** Clarity rules: positive and negative cases for each rule, options, languages, fixes and robustness. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AFTER_HOURS_FIX,
  CLARITY_LANGUAGES,
  RULE_FIXES,
  RULE_IDS,
  builtInTemplate,
  checkClarity,
  isRuleId,
  type ClarityContext,
  type RuleId,
} from '@/utils/etiquette';
import { useLanguage } from './setup/i18n';

const chat: ClarityContext = { channel: 'chat', atNight: false };
const chatNight: ClarityContext = { channel: 'chat', atNight: true };
const email: ClarityContext = { channel: 'email', atNight: false };

const rules = (text: string, context: ClarityContext = chat): RuleId[] => checkClarity(text, context).map((f) => f.rule);
const flags = (rule: RuleId, text: string, context: ClarityContext = chat): boolean => rules(text, context).includes(rule);

function expectFlagged(rule: RuleId, cases: string[], context: ClarityContext = chat): void {
  for (const text of cases) expect(flags(rule, text, context), text).toBe(true);
}
function expectClean(rule: RuleId, cases: string[], context: ClarityContext = chat): void {
  for (const text of cases) expect(flags(rule, text, context), text).toBe(false);
}

describe('urgent-no-deadline', () => {
  it('flags urgency with no stated deadline', () => {
    expectFlagged('urgent-no-deadline', [
      'Need the updated deck ASAP',
      'URGENT: please send the signed contract',
      'Can you fix the typo on the pricing page asap?',
      'Please get back to me urgently about the venue contract.',
      'Need your sign-off on the budget by EOD',
      'Time-sensitive: legal needs the redlines back.',
      'High priority: the Globex escalation needs a response.',
      'Please send the headcount at your earliest convenience.',
      'Can you send the floor plan right away?',
    ]);
  });

  it('any deadline or timeframe silences it: time, weekday, date, relative day, window, event', () => {
    expectClean('urgent-no-deadline', [
      'ASAP by Friday 5pm please: the signed SOW.',
      'Urgent: need the NDA by 3pm today.',
      'Please send the invoice ASAP, no later than 14:00 CET.',
      'Need your sign-off by EOD Thursday (Berlin time).',
      'ASAP, the early-bird rate ends on 14 March.',
      'Urgent, I am presenting in 20 minutes.',
      'I need the numbers ASAP, ideally before the board call.',
      'Urgent: the form is due 2026-03-14.',
      'ASAP please, it has to go out tomorrow morning.',
    ]);
  });

  it('ignores negated urgency, questions about urgency, labels, idioms and narration', () => {
    expectClean('urgent-no-deadline', [
      'Not urgent, but could you update the onboarding doc?',
      'No need to reply ASAP, whenever you are back is fine.',
      'Is this urgent or can it wait?',
      'The urgent-care clinic near the office is closed on Sundays.',
      'URGENT tag removed, the customer found the setting.',
      'At the end of the day it is your call.',
      'I immediately regretted volunteering for this.',
    ]);
  });

  it('ignores live incidents, where the deadline is plainly now', () => {
    expectClean('urgent-no-deadline', [
      'Prod checkout is returning 500s, need eyes on it ASAP',
      'The site is down for everyone, urgent',
      'The ingest worker is stuck again. Kinda urgent.',
    ]);
  });

  it('ignores urgency in quoted replies, quoted speech and code', () => {
    expectClean('urgent-no-deadline', [
      '> ASAP please!!\nDone, it is in the folder now.',
      'Quoting the customer: "we need this ASAP". We said end of April.',
      'Renamed `URGENT_QUEUE` to `PRIORITY_QUEUE`.',
      'Thanks, will do.\n\nOn Tue, 13 Jan 2026, Priya wrote:\nI need this ASAP',
    ]);
  });

  it('a deadline in the email subject counts', () => {
    expect(flags('urgent-no-deadline', 'Please send the W-9 asap.', { ...email, subject: 'W-9 needed by Wednesday' })).toBe(false);
    expect(flags('urgent-no-deadline', 'Please send the W-9 asap.', { ...email, subject: 'W-9' })).toBe(true);
  });

  it('quotes the phrase it found and offers the decision-needed template', () => {
    const [finding] = checkClarity('Need the deck asap', chat);
    expect(finding).toEqual({
      rule: 'urgent-no-deadline',
      message: '"asap" without a deadline: say by when, in their time zone too.',
      fix: { templateId: 'decision-needed' },
    });
  });
});

describe('request-no-ask', () => {
  it('flags open-ended asks with no deadline', () => {
    expectFlagged('request-no-ask', [
      'Can you take a look at the attached deck',
      'Please review the doc.',
      'Here is the draft proposal: https://docs.example.com/d/abc123. Thoughts?',
      'Need you to look into the billing discrepancy',
      'Could you have a look at this when you get a chance',
      'Hi Ana, would you mind checking the spreadsheet I shared?',
      'Let me know what you think of the new onboarding flow.',
      'Can you help with the Hendricks account',
      'would love your feedback on the pricing page copy',
      'Can you take a peek at the landing page?',
      'Would appreciate a second pair of eyes on my proposal.',
      'Mind looking over the job description I drafted?',
      'Any feedback on the draft?',
    ]);
  });

  it('concrete asks are fine without a deadline', () => {
    expectClean('request-no-ask', [
      'Can you send me the link to the Q3 roadmap doc?',
      'Can you approve the expense report in Concur?',
      'Please review PR #412, it is the schema change.',
      'Could you review the pull request?',
      'Would you mind moving the retro to the big room?',
      'Please check in at reception when you arrive.',
    ]);
  });

  it('an open-ended ask that says what to look for, or by when, is fine', () => {
    expectClean('request-no-ask', [
      'Could you check whether the totals match the Stripe report?',
      'Can you have a look at the floor plan and tell me if the kitchen can move?',
      'Please review the doc by Thursday.',
      'Could you take a look at the intro? Tomorrow is fine.',
      'Can you review the pricing doc for typos?',
      'Let me know which option you prefer.',
    ]);
  });

  it('courtesy phrases are not requests', () => {
    expectClean('request-no-ask', [
      'Please find attached the signed agreement.',
      'Please let me know if you have any questions.',
      'Thanks for the feedback on the proposal.',
      'Thanks everyone for weighing in.',
      'Please reply in your working hours, no rush.',
    ]);
  });

  it('offers the context / ask / deadline template', () => {
    expect(checkClarity('Please review the doc.', chat)[0]?.fix).toEqual({ templateId: 'context-ask-deadline' });
    expect(checkClarity('Please review the doc.', chat)[0]?.message).toContain('"Please review"');
  });
});

describe('vague-opener', () => {
  it('flags content-free openers', () => {
    expectFlagged('vague-opener', [
      'hey',
      'hiii',
      'Hi Priya 👋',
      'hey, you around?',
      'ping',
      'Got a minute?',
      'hi! quick question',
      'Can we talk?',
      'Hey Marco, can we hop on a call later?',
      'are you free at 3?',
      'Call me when you can.',
      'Hey Jamal, need to talk to you about something',
      '@dana ping',
    ]);
  });

  it('any topic in the message makes it fine', () => {
    expectClean('vague-opener', [
      'Quick question: does the export endpoint include archived projects?',
      'Can we talk about the Q3 hiring plan tomorrow?',
      'Got a minute? Want to run the pricing change past you.',
      'Ping me when the migration is done.',
      'Hey Søren, the staging DB is back up.',
      'Are you free at 3 to go through the Q2 forecast?',
      'Hi there, thanks!',
      'On it.',
      'thanks!',
    ]);
  });

  it('in email, the greeting and sign-off are not a topic, but the subject can be', () => {
    const body = 'Hi Chen,\n\nDo you have time for a quick chat this week?\n\nThanks,\nMaya';
    expect(flags('vague-opener', body, { ...email, subject: 'Quick chat' })).toBe(true);
    expect(flags('vague-opener', body, email)).toBe(true);
    expect(flags('vague-opener', body, { ...email, subject: 'Vendor shortlist for the warehouse' })).toBe(false);
  });
});

describe('shouting', () => {
  it('flags runs of capitals and mostly-capital messages', () => {
    expectFlagged('shouting', [
      'WHY IS THE BUILD BROKEN AGAIN',
      'Team, DO NOT DEPLOY ON FRIDAY without approval.',
      'THIS IS UNACCEPTABLE',
      'We HAVE TO STOP shipping on Fridays.',
      'i said THE BLUE ONE NOT THE RED ONE',
      "THIS IS THE THIRD TIME I'VE ASKED.",
      'DO NOT MERGE THE PR',
    ]);
  });

  it('ignores acronyms, identifiers, code, single emphasis and signatures', () => {
    expectClean('shouting', [
      'FYI the NASA JPL team uses the same SDK.',
      'Heads up: the JSON API SDK v3 drops XML.',
      'The AWS IAM SSO setup guide is in Confluence under OPS.',
      'Set LOG_LEVEL=DEBUG and MAX_RETRIES=5 before running.',
      'Run `SELECT ID, NAME FROM USERS WHERE ACTIVE = 1` first.',
      'This is NOT ok.',
      'Moved the ticket from TODO to IN REVIEW.',
      'URGENT tag removed.',
      'Thanks for the intro.\n\nBest,\nJANE DOE\nHEAD OF GLOBAL SALES',
      'Der Import läuft wieder, danke!',
    ]);
  });

  it('has no fix template and names the words', () => {
    const [finding] = checkClarity('PLEASE STOP PUSHING TO MAIN', chat);
    expect(finding?.rule).toBe('shouting');
    expect(finding?.fix).toBeUndefined();
    expect(finding?.message).toBe('PLEASE STOP PUSHING TO…: several words in capitals read as shouting.');
  });
});

describe('passive-aggressive', () => {
  it('flags phrases that scold the reader', () => {
    expectFlagged('passive-aggressive', [
      'Per my last email, the deadline is Friday.',
      'As per my previous email, the invoice needs a PO number.',
      'As previously stated, we cannot change the scope.',
      'As I mentioned twice already, staging is not for demos.',
      "As I've said multiple times, the staging DB is not a sandbox.",
      'As I said in the meeting, no features after code freeze.',
      "Friendly reminder that I'm still waiting on your timesheet.",
      'Going forward, please cc me on anything budget related.',
      'Not sure if you saw my last message, but I still need the login.',
      'In case you missed it: the price went up.',
      'Re-attaching the file in case it got lost in your inbox.',
      'Thanks for finally getting back to me.',
      'Please refer to my previous email for the answer.',
    ]);
  });

  it('neutral uses are fine', () => {
    expectClean('passive-aggressive', [
      'As discussed, I have attached the revised quote.',
      'As mentioned in standup, the deploy is at 15:00.',
      'Going forward we will post release notes every Friday.',
      'Going forward, Aiko will own the weekly metrics email.',
      'Friendly reminder: timesheets are due Friday at 17:00. Thanks all!',
      'Per the contract, payment terms are net 30.',
      'My last message had the wrong link, here is the right one.',
    ]);
  });

  it('quotes the phrase and offers no template', () => {
    const [finding] = checkClarity('Per my last email, the deadline is Friday.', chat);
    expect(finding).toEqual({
      rule: 'passive-aggressive',
      message: '"Per my last email" can read as passive-aggressive; say what you need instead.',
    });
  });
});

describe('long-no-summary', () => {
  const sentence = 'The migration plan has several moving parts that the team discussed at length last week.';
  const filler = Array.from({ length: 18 }, () => sentence).join(' '); // 18 × 15 = 270 words

  it('flags a long email whose opening neither summarises nor asks', () => {
    const body = `Hi team,\n\nI wanted to share some background on the migration. ${filler}\n\nBest,\nHelen`;
    const [finding] = checkClarity(body, email);
    expect(finding?.rule).toBe('long-no-summary');
    expect(finding?.fix).toEqual({ templateId: 'bluf' });
    expect(finding?.message).toMatch(/^\d+ words with no summary or ask in the first two sentences/);
  });

  it('a summary or an ask in the first two sentences is enough', () => {
    for (const opening of [
      'TL;DR: we move in three steps.',
      'Summary: the migration is a hybrid move.',
      'In short: I cannot take on the project.',
      'Bottom line: approve the plan.',
      'Could you approve the plan below by Wednesday?',
      'Some background first. Can we decide at Thursday’s sync?',
    ]) {
      expect(flags('long-no-summary', `Hi team,\n\n${opening} ${filler}`, email), opening).toBe(false);
    }
  });

  it('short emails and chat messages are never flagged', () => {
    expect(flags('long-no-summary', `Hi,\n\n${sentence}`, email)).toBe(false);
    expect(flags('long-no-summary', `I wanted to share some background. ${filler}`, chat)).toBe(false);
  });

  it('quoted text below a reply does not count towards the length', () => {
    const reply = `Thanks, agreed.\n\nOn Mon, 12 Jan 2026 at 10:00, Helen wrote:\n> ${filler}`;
    expect(flags('long-no-summary', reply, email)).toBe(false);
  });
});

describe('night-split', () => {
  const stream = 'ok\nso\nI looked at the logs\nand it is the cache again\nwill fix tomorrow';

  it('flags a chat stream of short lines sent at night, offering the no-rush template', () => {
    const finding = checkClarity(stream, chatNight).find((f) => f.rule === 'night-split');
    expect(finding).toEqual({
      rule: 'night-split',
      message: '5 short lines sent at night: send one message, or wait for their working hours.',
      fix: { templateId: 'no-rush' },
    });
    expectFlagged('night-split', ['also\nforgot to say\nthe client moved the demo\nto Thursday'], chatNight);
  });

  it('not during the day, not in email, not for three lines', () => {
    expect(flags('night-split', stream, chat)).toBe(false);
    expect(flags('night-split', stream, { channel: 'email', atNight: true })).toBe(false);
    expect(flags('night-split', 'hey\nsorry\nlate one', chatNight)).toBe(false);
  });

  it('lists, code blocks and long lines are structure, not a stream', () => {
    expectClean(
      'night-split',
      [
        'Notes for tomorrow:\n- migration done\n- backfill at 80%\n- retention open\n- Ana out Friday',
        '1. staging deploy\n2. smoke tests\n3. prod deploy tomorrow 10:00\n4. comms drafted',
        'Repro:\n```\nnpm ci\nnpm run build\nnode dist/cli.js\nnode dist/cli.js --apply\n```',
        'Leaving this here for tomorrow: the cache TTL is the culprit.',
      ],
      chatNight,
    );
  });
});

describe('checkClarity', () => {
  it('clean messages give no findings', () => {
    for (const text of ['Thanks Priya, merged.', 'Standup moved to 10:15 today.', '', '   ']) {
      expect(checkClarity(text, chat)).toEqual([]);
    }
  });

  it('several rules at once, in rule order, one finding per rule', () => {
    expect(rules('URGENT!!! PER MY LAST EMAIL I NEED THE FILES. Per my last email!', email)).toEqual([
      'urgent-no-deadline',
      'shouting',
      'passive-aggressive',
    ]);
  });

  it('rules can be turned off; unknown ids in the list are ignored', () => {
    const text = 'URGENT!!! PER MY LAST EMAIL I NEED THE FILES';
    expect(checkClarity(text, email, { disabledRules: ['shouting', 'not-a-rule'] }).map((f) => f.rule)).toEqual([
      'urgent-no-deadline',
      'passive-aggressive',
    ]);
    expect(checkClarity(text, email, { disabledRules: [...RULE_IDS] })).toEqual([]);
  });

  it('English is the default; the language registry is keyed by language and unknown ones give nothing', () => {
    expect(Object.keys(CLARITY_LANGUAGES)).toEqual(['en']);
    expect(checkClarity('hey', chat, { language: 'en' })).toHaveLength(1);
    // A language without a pack: no English guesses on other text.
    expect(checkClarity('hey', chat, { language: 'de' as 'en' })).toEqual([]);
  });

  it('every fix names a built-in template that exists', () => {
    for (const [rule, templateId] of Object.entries(RULE_FIXES)) {
      expect(isRuleId(rule)).toBe(true);
      expect(builtInTemplate(templateId, 'email'), templateId).toBeDefined();
    }
    expect(builtInTemplate(AFTER_HOURS_FIX, 'chat')).toBeDefined();
  });

  it('isRuleId', () => {
    expect(isRuleId('shouting')).toBe(true);
    expect(isRuleId('SHOUTING')).toBe(false);
  });

  it('property: never throws, returns known rules once each, with a message', () => {
    const context = fc.record({ channel: fc.constantFrom('email' as const, 'chat' as const), atNight: fc.boolean(), subject: fc.option(fc.string(), { nil: undefined }) });
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), context, (text, ctx) => {
        const findings = checkClarity(text, ctx);
        const ids = findings.map((f) => f.rule);
        expect(new Set(ids).size).toBe(ids.length);
        for (const f of findings) {
          expect(RULE_IDS).toContain(f.rule);
          expect(f.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  // How fast it is on a long draft (it runs on every pause in typing) is the bench's figure, not a test's.
  it('reads a long draft whole: a 170 kB email and 10,000 night lines', () => {
    const long = `${'This is a long paragraph about the plan, with links https://example.com/x and `code`. '.repeat(2000)}`;
    expect(checkClarity(long, email).map((f) => f.rule)).not.toContain('night-split');
    expect(checkClarity('a\n'.repeat(10_000), chatNight).find((f) => f.rule === 'night-split')?.message).toMatch(/^10000 short lines/);
  });
});

describe('findings in a German browser', () => {
  it('are worded in German, quoting the draft as written', async () => {
    await useLanguage('de');
    expect(checkClarity('Can you send me the numbers ASAP?', chat)[0]).toMatchObject({
      rule: 'urgent-no-deadline',
      message: '„ASAP“ ohne Frist: Sagen Sie, bis wann – auch in der Zeitzone der Empfänger.',
    });
    const night = checkClarity('hey\nso\nthe build\nis red\nagain', chatNight).find((f) => f.rule === 'night-split');
    expect(night?.message).toBe('5 kurze Zeilen nachts gesendet: Senden Sie eine einzige Nachricht oder warten Sie auf die Arbeitszeit der Empfänger.');
  });
});
