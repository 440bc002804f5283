// Text people outside Tandem can put in front of it (mail subjects and senders, display names, typed answers
// and commands), each shaped to become markup if Tandem showed it unescaped.
export const HOSTILE = {
  link: '[Verify your mailbox](https://evil.example)',
  autolink: '<https://evil.example/login>',
  html: '<a href="https://evil.example">Open</a><img src=x onerror=alert(1)>',
  emphasis: '**URGENT** _now_ ~~old~~ `code`',
  list: '- one\n1. two\n# heading\n> quote',
  entity: 'AT&amp;T &#91;x&#93;(https://evil.example)',
  escape: 'C:\\new\\[folder](https://evil.example)',
} as const;
