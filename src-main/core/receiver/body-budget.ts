/** One request's share of the budget: grows as its body arrives, given back once it is answered. */
export interface BodyClaim {
  /** False, and nothing taken, when the bytes would pass the cap. */
  grow(bytes: number): boolean;
  release(): void;
}

/**
 * The bytes of request bodies held at once across all requests. Bodies are
 * read into memory (they are stored whole), so without this cap many slow
 * bodies, each under the per-body limit, add up to any amount of memory.
 */
export class BodyBudget {
  private used = 0;

  constructor(
    readonly capBytes: number,
    private readonly onRefused: () => void = () => undefined,
  ) {}

  get inUse(): number {
    return this.used;
  }

  claim(): BodyClaim {
    let held = 0;
    return {
      grow: (bytes) => {
        if (this.used + bytes > this.capBytes) {
          this.onRefused();
          return false;
        }
        this.used += bytes;
        held += bytes;
        return true;
      },
      release: () => {
        this.used -= held;
        held = 0;
      },
    };
  }
}
