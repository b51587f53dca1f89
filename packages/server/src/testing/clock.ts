/** A clock the test moves by hand: lock-outs, session lifetimes and TOTP steps without sleeping. */
export class TestClock {
  private at: number;
  constructor(start: Date = new Date()) {
    this.at = start.getTime();
  }
  readonly now = (): Date => new Date(this.at);
  advance(ms: number): void {
    this.at += ms;
  }
  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60_000);
  }
}
