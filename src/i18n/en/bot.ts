// English strings of the Teams bot: cards and chat posts.
export const BOT = {
  'scorecard.title': 'Scorecard for week {week}',
  'scorecard.rate': '{rate} answered within {window} h (target {target}%)',
  'scorecard.noMail': 'No mail needed an answer this week.',
  'scorecard.met': 'Target met',
  'scorecard.notMet': 'Target not met',
  'scorecard.counts': 'Counted {counted} · on time {onTime} · late {late} · missed {missed} · still waiting {pending}',
  'scorecard.times': 'Median response {median} · 90th percentile {p90}',
  'scorecard.inboxZero.pass': 'Inbox empty on {day}: yes ({count} items) · streak {streak} weeks',
  'scorecard.inboxZero.fail': 'Inbox empty on {day}: no ({count} items)',
  'scorecard.inboxZero.unknown': 'Inbox on {day}: not measured',
  'scorecard.late': 'Posted late: Tandem was not running when this was due.',
  'reminder.text': 'Last week’s check-in is still waiting for your feedback. Two minutes now make next week easier for both of you.',
  'monthly.text': 'Did your VA do something this month you had not thought of? Say so in the feedback form: it is good to hear.',
  'review.text': 'Time for the quarterly review of your targets. Are {target}% within {window} h and an empty inbox on {day} still the right goals?',
} as const;
