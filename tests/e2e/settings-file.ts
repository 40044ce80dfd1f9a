/** A complete, valid settings file (contract §1) with values no default has. */
export function sampleSettings() {
  const day: Array<[string, string]> = [['08:00', '16:00']];
  return {
    format: 'async-etiquette/settings',
    version: 1,
    me: {
      timeZone: 'Asia/Kathmandu',
      weekly: { mon: day, tue: day, wed: [['08:00', '12:00'], ['13:00', '16:00']], thu: day, fri: [['22:00', '06:00']], sat: [], sun: [] },
      daysOff: ['2026-12-24', '2026-12-25'],
    },
    contactDefaults: { weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] } },
    contacts: [
      { name: 'Priya Raman', emails: ['priya@example.com'], slackIds: ['U012AB3CD'], timeZone: 'Asia/Kolkata' },
      { name: 'Ana Souza', emails: ['ana@example.com'] },
    ],
    sites: { gmail: 'nudge', slack: 'off', docs: 'confirm' },
    templates: [{ id: 'no-rush', title: 'No rush', body: 'No rush: reply during your working hours.' }],
  };
}
