/** English phrase lists for the clarity rules (the wording of findings is in ../messages.ts). */
import type { LanguagePack } from '../types';

const MONTHS = 'january|february|march|april|june|july|august|september|october|november|december';
const MONTHS_SHORT = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';
const WEEKDAYS = '(?:mon|tues|wednes|thurs|fri|satur|sun)days?';
const EVENTS =
  'call|meeting|standup|stand-up|sync|demo|review|sprint|release|launch|cutoff|cut-off|deadline|close|kickoff|kick-off|board|all-hands|presentation|pitch|workshop|offsite|interview|weekend|holidays?';

/** Any of these states a deadline or a timeframe. "EOD" alone does not: whose end of day? */
const deadlines: RegExp[] = [
  /\b(?:[01]?\d|2[0-3])(?::|h)[0-5]\d\b/i,
  /\b(?:1[0-2]|0?[1-9])\.[0-5]\d\s*(?:am|pm)\b/i,
  /\b(?:1[0-2]|0?[1-9])\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)/i,
  /\b(?:noon|midday|midnight|lunchtime)\b/i,
  /\b(?:at|by|before|until|till|around)\s+(?:[01]?\d|2[0-3])\b(?!\s*(?:%|percent|people|items|tickets|of\b))/i,
  new RegExp(`\\b${WEEKDAYS}\\b`, 'i'),
  /\b(?:tue|tues|wed|thu|thur|thurs|fri)\b\.?/i,
  /\b(?:today|tonight|tomorrow|tmrw|tmr|weekend|eow|eom|eoq|eoy)\b/i,
  /\b(?:this|tomorrow|by|in the)\s+(?:morning|afternoon|evening)\b/i,
  /\b(?:this|next|by next|end of (?:the )?)\s*(?:week|month|quarter|year|sprint)\b/i,
  new RegExp(`\\b(?:${MONTHS})\\b`, 'i'),
  new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${MONTHS_SHORT})[a-z]*\\b`, 'i'),
  new RegExp(`\\b(?:${MONTHS_SHORT})[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`, 'i'),
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/,
  /\bthe\s+\d{1,2}(?:st|nd|rd|th)\b/i,
  /\b(?:in|within|next)\s+(?:the\s+next\s+)?(?:~?\d+|a few|a couple(?: of)?|an?|one|two|three|few)\s+(?:min|mins|minutes?|hours?|hrs?|days?|weeks?)\b/i,
  new RegExp(`\\b(?:before|by|ahead of|prior to|after)\\s+(?:the|our|my|your|this|next|today's|tomorrow's|\\w+day's)\\s+(?:[\\w-]+\\s+){0,3}?(?:${EVENTS})\\b`, 'i'),
  /\b(?:by|before|until|end of)\s+(?:q[1-4]|h[12])\b/i,
];

const GREETINGS = ['hi', 'hey', 'hello', 'hiya', 'heya', 'yo', 'morning', 'evening', 'afternoon', 'good', 'dear', 'greetings', 'howdy', 'hallo'];

/** Words that say nothing about a topic: the content-free part of "hey, got a minute to talk later?". */
const FILLER = [
  ...GREETINGS,
  'there', 'team', 'all', 'everyone', 'folks', 'guys', 'yall',
  'quick', 'question', 'q', 'qq', 'minute', 'minutes', 'min', 'mins', 'sec', 'secs', 'second', 'seconds', 'moment', 'time',
  'talk', 'chat', 'call', 'speak', 'ping', 'catch', 'hop', 'jump', 'sync', 'meet', 'connect',
  'around', 'free', 'awake', 'up', 'available', 'online', 'busy', 'still',
  'got', 'get', 'have', 'has', 'had', 'do', 'does', 'did', 'can', 'could', 'would', 'will', 'shall', 'may', 'might', 'need', 'needs', 'want', 'give', 'see', 'let',
  'i', 'me', 'my', 'you', 'your', 'u', 'ya', 'we', 'us', 'it', 'this', 'that', 'something', 'some', 'anything', 'someone',
  'a', 'an', 'the', 'to', 'for', 'at', 'on', 'in', 'with', 'about', 'of', 'or', 'and', 'if', 'so', 'just', 'real', 'really', 'pls', 'please',
  'when', 'later', 'today', 'now', 'soon', 'sometime', 'week', 'this', 'while', 'bit', 'few', 'couple',
  'is', 'are', 'am', 'be', 'was', "it's", 'its', "i'm", 'im', "you're", "u're",
  'urgent', 'urgently', 'asap', 'important', 'ok', 'okay', 'hm', 'hmm', 'um',
];

const ACRONYMS = [
  'FYI', 'ASAP', 'EOD', 'COB', 'EOW', 'ETA', 'TBD', 'TBC', 'TL', 'DR', 'BLUF', 'PSA', 'AFAIK', 'IMO', 'IMHO', 'LGTM', 'WIP', 'TODO', 'FAQ', 'RSVP', 'OOO', 'WFH', 'AKA', 'NB', 'PS',
  'NASA', 'ESA', 'NATO', 'UN', 'EU', 'US', 'USA', 'UK', 'UAE', 'NYC', 'SF', 'LA', 'APAC', 'EMEA', 'LATAM', 'DACH',
  'CEO', 'CFO', 'CTO', 'COO', 'CMO', 'CPO', 'CIO', 'CISO', 'VP', 'SVP', 'EVP', 'HR', 'PM', 'PMO', 'QA', 'IT', 'OPS', 'SRE', 'DPO', 'GC',
  'API', 'APIS', 'SDK', 'JSON', 'XML', 'YAML', 'HTML', 'CSS', 'HTTP', 'HTTPS', 'URL', 'URI', 'REST', 'GRPC', 'SQL', 'CSV', 'PDF', 'PNG', 'SVG', 'UTF',
  'DNS', 'VPN', 'SSO', 'SAML', 'OAUTH', 'IAM', 'MFA', 'SSH', 'SSL', 'TLS', 'TCP', 'UDP', 'IP', 'CDN', 'ALB', 'ELB', 'EC2', 'AWS', 'GCP', 'GCS', 'VM', 'CPU', 'GPU', 'RAM', 'OS', 'IOS',
  'CI', 'CD', 'PR', 'PRS', 'MR', 'UI', 'UX', 'QA', 'RFC', 'ADR', 'SLA', 'SLO', 'SLI', 'KPI', 'OKR', 'OKRS', 'ROI', 'ARR', 'MRR', 'B2B', 'SAAS', 'CRM', 'ERP', 'SAP', 'POC', 'MVP',
  'MSA', 'SOW', 'NDA', 'DPA', 'GDPR', 'HIPAA', 'SOC', 'ISO', 'PO', 'VAT', 'GST', 'USD', 'EUR', 'GBP', 'INR', 'JPY',
  'UTC', 'GMT', 'CET', 'CEST', 'PST', 'PDT', 'EST', 'EDT', 'IST', 'JST', 'AEST', 'BST',
  'README', 'CHANGELOG', 'LICENSE', 'TL;DR', 'ICE', 'TGV', 'HQ', 'ID', 'IDS', 'OK', 'AM', 'PM', 'Q1', 'Q2', 'Q3', 'Q4',
  'ERROR', 'WARN', 'WARNING', 'INFO', 'DEBUG', 'TRACE', 'FATAL', 'NULL',
];

export const en: LanguagePack = {
  id: 'en',
  deadlines,
  urgency: {
    triggers:
      /\b(?:asap|a\.s\.a\.p|urgent(?:ly)?|urgency|right away|straight away|immediately|as soon as (?:possible|you can)|time[- ]sensitive|high[- ]?prio(?:rity)?|top prio(?:rity)?|drop everything|at your earliest convenience|(?:is|it's|its|quite|very|rather|fairly|more)\s+pressing|eod|cob|end of (?:the )?(?:business )?day|close of business|need (?:it|this|that|them) (?:right )?now)\b/gi,
    negations: /\b(?:not|no|non|isn't|isnt|nothing|never|without|don't|dont|doesn't)\b|\bat\s+the$/i,
    notUrgency: /^(?:-\w|\s+(?:tag|label|flag|care|clinic|fix(?:es)?\s+went))/i,
    /** Adverbs that also narrate ("I immediately regretted it"): they count only in a sentence that asks for something. */
    narrative: /^(?:immediately|right away|straight away)$/i,
    requestCue:
      /\b(?:need|needs|needed|please|pls|can|could|would|will|must|have to|has to|got to|gotta|want|wants|should|let me know|asap)\b|^(?:send|get|call|fix|reply|respond|answer|sign|approve|update|review|drop)\b/i,
    incident:
      /\b(?:is|are|was|were|went|goes|going|it's|site's)\s+down\b|\b(?:outage|incident|sev\s?[0-2]|p0)\b|\b(?:returning|throwing)\s+(?:5\d\d|errors?)\b|\b5\d\ds\b|\bstuck\b|\bon fire\b|\bbridge call\b|\ball hands\b(?!-)/i,
  },
  request: {
    marker:
      /\b(?:can|could|would|will)\s+(?:you|someone|somebody|anyone)(?:\s+please)?(?:\s+(?:mind|be able to|quickly|just))?|\bplease\b|\bpls\b|\bplz\b|\bneed\s+(?:you|someone)\s+to\b|\b(?:i'd|i\s+would|would)\s+(?:really\s+)?(?:love|appreciate|like)\b|\bcare\s+to\b|^mind\b/gi,
    openAction:
      /^[\s,]*(?:(?:take|have|taking|having|give\s+it)\s+a\s+(?:quick\s+|closer\s+|proper\s+)?(?:look|peek|glance|read|skim)|(?:a\s+)?(?:second\s+|fresh\s+|another\s+)?(?:pair\s+of\s+)?eyes\s+on|look(?:ing)?\s+(?:at|into|over)|check(?:ing)?(?:\s+out)?\b(?![\s-]+in\b)|review(?:ing)?\b|go(?:ing)?\s+(?:over|through)|weigh(?:ing)?\s+in|help(?:ing)?(?:\s+(?:me|us))?\s+(?:with|out)|(?:your|some|any)\s+(?:thoughts|feedback|input|comments|eyes)|(?:have\s+a\s+)?think\s+about)/i,
    standalone: [
      /^(?:\bany\s+)?(?:thoughts|feedback|input|comments|opinions)\s*(?:on\s+[^?.!]{0,60})?\?+$/i,
      /^(?:so,?\s+)?(?:what do you think|wdyt|what do we think)\s*\?+$/i,
      /^(?:please\s+)?let\s+me\s+know\s+(?:what\s+you\s+think|your\s+thoughts|your\s+feedback|how\s+it\s+looks|any\s+thoughts)\b[^?]*[.!]?$/i,
      /^(?:please\s+)?let\s+me\s+know\s*[.!]?$/i,
    ],
    specific:
      /\b(?:whether|if\s+(?!you\s+(?:have|get|can|need)\b|anything\b|there's\s+anything\b|needed\b)|and\s+(?:tell|confirm|approve|sign|add|fix|update|send|merge|flag|mark|note|list|answer|reply|decide|pick|choose)|and\s+let\s+me\s+know\s+(?:if|whether|which|what|how|who|when)|for\s+(?:typos|errors|mistakes|accuracy|consistency|bugs|security|legal|tone)|to\s+(?:confirm|see\s+(?:if|whether)|make\s+sure|ensure|approve|sign)|which\s+(?:one|option|version)|\b(?:pr|prs|pull\s+request|mr|merge\s+request|diff|patch|commit)\b|#\d+)/i,
  },
  opener: {
    cues: /\b(?:hi|hey|hello|hiya|heya|yo|ping|quick\s+(?:question|q)|qq|minute|min|mins|sec|second|moment|talk|chat|call|speak|catch\s+up|around|there|free|awake|up|available|online)\b|^\s*hello\W*$/i,
    filler: new Set(FILLER),
    greetings: new Set(GREETINGS),
  },
  shouting: { acronyms: new Set(ACRONYMS) },
  passiveAggressive: [
    { pattern: /\b(?:as\s+)?per\s+my\s+(?:last|previous|earlier|prior|below)\s+(?:e-?mail|mail|message|msg|note|reply|comment|response)\b/i },
    { pattern: /\bas\s+(?:i\s+)?(?:previously|already|clearly)\s+(?:stated|said|mentioned|explained|noted|pointed\s+out|told\s+you)\b/i },
    { pattern: /\bas\s+(?:i've|i\s+have)\s+(?:already\s+)?(?:said|stated|mentioned|explained|told\s+you)\b/i },
    { pattern: /\bas\s+i\s+(?:already\s+)?(?:said|told\s+you)\b/i },
    { pattern: /\bas\s+(?:i\s+)?(?:mentioned|explained|noted|wrote)\s+(?:(?:before|already|previously|repeatedly|again|twice|several\s+times|many\s+times|multiple\s+times|more\s+than\s+once)\b)/i },
    { pattern: /\bas\s+stated\b/i },
    { pattern: /\b(?:friendly|gentle|kind|quick)\s+reminder\b/i, unlessGroup: true },
    { pattern: /\bgoing\s+forward,?\s+(?:please|kindly|make\s+sure|i'd\s+(?:ask|appreciate)|i\s+need\s+you|you\s+(?:need|should|must))\b/i },
    { pattern: /\bnot\s+sure\s+if\s+you\s+(?:saw|read|got)\s+my\b/i },
    { pattern: /\bin\s+case\s+you\s+missed\s+(?:it|my|this)\b/i },
    { pattern: /\bdid\s+you\s+(?:get|see|read)\s+my\s+(?:last|previous|earlier)\b/i },
    { pattern: /\b(?:just\s+)?to\s+reiterate\b/i },
    { pattern: /\bre-?(?:attaching|sending)\b[^.!?\n]{0,40}\bin\s+case\b/i },
    { pattern: /\bthanks?\s+(?:you\s+)?for\s+finally\b/i },
    { pattern: /\bfor\s+the\s+(?:second|third|fourth|fifth|nth|hundredth|last)\s+time\b/i },
    { pattern: /\bas\s+you\s+(?:should|would|must)\s+(?:already\s+)?know\b/i },
    { pattern: /\brefer\s+(?:back\s+)?to\s+my\s+(?:last|previous|earlier|prior)\s+(?:e-?mail|mail|message|msg|note|reply)\b/i },
    { pattern: /\btop\s+of\s+your\s+inbox\b/i },
    { pattern: /\b(?:to|for)\s+actually\s+(?:read|reading|look|looking|listen|listening|respond|responding|reply|replying|answer|answering)\b/i },
  ],
  group: /\b(?:all|everyone|everybody|team|folks|y'all|people)\b/i,
  summary: {
    markers:
      /\b(?:tl;?dr|bluf|summary|in\s+short|in\s+brief|in\s+a\s+nutshell|bottom\s+line|short\s+version|key\s+(?:point|takeaway)s?|headline|action\s+(?:required|needed|items?)|decision\s+(?:needed|required))\b/i,
    asks:
      /\?|\b(?:can|could|would|will)\s+you\b|\bplease\s+(?!find\b|note\b|see\b)\w+|\bi\s+need\s+(?:you|your)\b|\bi'd\s+like\s+(?:you|your)\b|\bneed\s+your\b|\byour\s+(?:approval|sign-?off|decision|go-ahead)\b|\blet\s+me\s+know\s+(?:by|whether|which|if)\b/i,
  },
  greetingLine:
    /^(?:hi|hey|hello|hiya|dear|good\s+(?:morning|afternoon|evening)|morning|greetings|to\s+whom)\b[^\n]{0,60}[,!:—-]?$/i,
  signOffLine:
    /^(?:thanks(?:\s+(?:again|all|so\s+much))?|thank\s+you|many\s+thanks|best(?:\s+(?:regards|wishes))?|kind\s+regards|warm\s+regards|regards|cheers|all\s+the\s+best|with\s+best\s+wishes|sincerely|yours(?:\s+\w+)?|danke|talk\s+soon|speak\s+soon|see\s+you(?:\s+\w+)?|br|thx)[,.!]*(?:\s+\p{Lu}[\p{L}.'-]*)?[,.!]*$/iu,
  replyHeader: /^(?:on\s.{3,120}\swrote:|-{2,}\s*original message\s*-{2,}|from:\s.+)$/i,
};
