// The clock port: pure code takes `now` as an argument; whoever calls it reads the time here.

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
