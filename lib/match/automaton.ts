/**
 * Aho–Corasick over normalised code units, in flat typed arrays so that building is a sort
 * plus two linear passes and scanning touches no objects. Characters are remapped to dense
 * classes (0 = in no pattern, which resets to the root in one step — most of a page's text).
 * The root has a dense goto table; every other state keeps its edges sorted by class (most
 * states are links of a chain and have exactly one).
 */

export interface Automaton {
  /** The pattern characters in code order; class k (1-based) is alphabet[k - 1]. */
  alphabet: string;
  /** code unit → class (0: in no pattern). Derived from `alphabet`; not serialised. */
  classOf: Uint16Array;
  /** Root goto per class (0: stay at root). */
  rootNext: Int32Array;
  /** CSR edges: edges of state s are [edgeStart[s], edgeStart[s + 1]), sorted by class. */
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  edgeTarget: Int32Array;
  fail: Int32Array;
  /** Longest pattern ending at this state (own or via failure links), -1 if none. */
  out: Int32Array;
  /** Length (in normalised units) of each pattern. */
  patternLength: Int32Array;
}

export function classTable(alphabet: string): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i + 1;
  return t;
}

/** Builds the automaton for distinct, non-empty patterns (already normalised). */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  const present = new Uint8Array(0x10000);
  const found: number[] = [];
  let total = 0;
  for (const p of patterns) {
    total += p.length;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      if (!present[c]) {
        present[c] = 1;
        found.push(c);
      }
    }
  }
  const codes = Uint16Array.from(found).sort();
  let alphabet = '';
  for (let i = 0; i < codes.length; i += 4096) alphabet += String.fromCharCode(...codes.subarray(i, i + 4096));
  const classOf = classTable(alphabet);

  // Trie by insertion, children found through an open-addressing hash of (state, class).
  const maxStates = total + 1;
  const parent = new Int32Array(maxStates);
  const viaClass = new Uint16Array(maxStates);
  const terminal = new Int32Array(maxStates).fill(-1);
  let cap = 16;
  while (cap < maxStates * 2) cap *= 2;
  const mask = cap - 1;
  // Slot h is [3h] = state + 1 (0: empty), [3h + 1] = class, [3h + 2] = child: one cache line per probe.
  const slots = new Int32Array(cap * 3);
  let states = 1;
  for (let pid = 0; pid < patterns.length; pid++) {
    const p = patterns[pid]!;
    let s = 0;
    for (let i = 0; i < p.length; i++) {
      const c = classOf[p.charCodeAt(i)]!;
      let h = (Math.imul(s, 0x9e3779b1) ^ Math.imul(c, 0x85ebca77)) & mask;
      for (;;) {
        const at = h * 3;
        const occupant = slots[at]!;
        if (occupant === 0) {
          const child = states++;
          parent[child] = s;
          viaClass[child] = c;
          slots[at] = s + 1;
          slots[at + 1] = c;
          slots[at + 2] = child;
          s = child;
          break;
        }
        if (occupant === s + 1 && slots[at + 1] === c) {
          s = slots[at + 2]!;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    terminal[s] = pid;
  }

  // CSR edges grouped by parent, then each group sorted by class (most groups have one edge).
  const edgeStart = new Int32Array(states + 1);
  for (let s = 1; s < states; s++) edgeStart[parent[s]! + 1]!++;
  for (let s = 0; s < states; s++) edgeStart[s + 1]! += edgeStart[s]!;
  const fillAt = edgeStart.slice(0, states);
  const edgeClass = new Uint16Array(states - 1);
  const edgeTarget = new Int32Array(states - 1);
  for (let s = 1; s < states; s++) {
    const e = fillAt[parent[s]!]!++;
    edgeClass[e] = viaClass[s]!;
    edgeTarget[e] = s;
  }
  for (let s = 0; s < states; s++) {
    const lo = edgeStart[s]!;
    const hi = edgeStart[s + 1]!;
    if (hi - lo < 2) continue;
    if (hi - lo <= 16) {
      for (let i = lo + 1; i < hi; i++) {
        const k = edgeClass[i]!;
        const v = edgeTarget[i]!;
        let j = i - 1;
        while (j >= lo && edgeClass[j]! > k) {
          edgeClass[j + 1] = edgeClass[j]!;
          edgeTarget[j + 1] = edgeTarget[j]!;
          j--;
        }
        edgeClass[j + 1] = k;
        edgeTarget[j + 1] = v;
      }
    } else {
      const targets = Array.from(edgeTarget.subarray(lo, hi)).sort((x, y) => viaClass[x]! - viaClass[y]!);
      for (let i = 0; i < targets.length; i++) {
        edgeTarget[lo + i] = targets[i]!;
        edgeClass[lo + i] = viaClass[targets[i]!]!;
      }
    }
  }
  const rootNext = new Int32Array(alphabet.length + 1);
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) rootNext[edgeClass[e]!] = edgeTarget[e]!;

  // Failure links breadth-first.
  const fail = new Int32Array(states);
  const out = new Int32Array(states).fill(-1);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) {
    const v = edgeTarget[e]!;
    out[v] = terminal[v]!;
    queue[tail++] = v;
  }
  while (head < tail) {
    const u = queue[head++]!;
    for (let e = edgeStart[u]!; e < edgeStart[u + 1]!; e++) {
      const v = edgeTarget[e]!;
      const c = edgeClass[e]!;
      let f = fail[u]!;
      let next = -1;
      for (;;) {
        if (f === 0) {
          next = rootNext[c]!;
          break;
        }
        // goto(f, c): f's edges are sorted by class, and most states have one or two
        next = -1;
        let lo = edgeStart[f]!;
        let hi = edgeStart[f + 1]!;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          const k = edgeClass[mid]!;
          if (k < c) lo = mid + 1;
          else {
            if (k === c) next = edgeTarget[mid]!;
            hi = mid;
          }
        }
        if (next > 0) break;
        f = fail[f]!;
      }
      fail[v] = next > 0 ? next : 0;
      out[v] = terminal[v]! >= 0 ? terminal[v]! : out[fail[v]!]!;
      queue[tail++] = v;
    }
  }

  const patternLength = new Int32Array(patterns.length);
  patterns.forEach((p, i) => (patternLength[i] = p.length));
  return { alphabet, classOf, rootNext, edgeStart, edgeClass, edgeTarget, fail, out, patternLength };
}

/** Raw hits: at each end position, the longest pattern ending there. Parallel arrays. */
export interface RawHits {
  count: number;
  start: Int32Array;
  end: Int32Array;
  pattern: Int32Array;
}

/**
 * One pass over the normalised code units. Reports, for every position where some pattern
 * ends, the longest such pattern; shorter ones ending there lie inside it and could only
 * win where it loses, which longest-first selection makes rare enough to ignore.
 */
export function scanAutomaton(a: Automaton, codes: Uint16Array, length: number, initialCapacity = 256): RawHits {
  const steps = scanAutomatonSteps(a, codes, length, Infinity, initialCapacity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Units scanned between pauses of `scanAutomatonSteps` (about a millisecond of work). */
export const SCAN_CHUNK = 1 << 16;

/** Where a paused scan stands: the next unit, the automaton's state, the hits so far. */
interface ScanState {
  i: number;
  s: number;
  hits: RawHits;
}

/**
 * `scanAutomaton` as a generator that pauses every `chunk` units (the automaton's state
 * carries over, so patterns across a pause are found), for the content script on huge pages.
 */
export function* scanAutomatonSteps(a: Automaton, codes: Uint16Array, length: number, chunk = SCAN_CHUNK, initialCapacity = 256): Generator<void, RawHits, void> {
  const cap = Math.max(4, initialCapacity);
  const st: ScanState = { i: 0, s: 0, hits: { count: 0, start: new Int32Array(cap), end: new Int32Array(cap), pattern: new Int32Array(cap) } };
  for (;;) {
    scanRange(a, codes, st, Math.min(length, st.i + chunk));
    if (st.i >= length) return st.hits;
    yield;
  }
}

/** Scans units [st.i, end): the hot loop, in a plain function so that it is optimised mid-run. */
function scanRange(a: Automaton, codes: Uint16Array, st: ScanState, end: number): void {
  const { classOf, rootNext, edgeStart, edgeClass, edgeTarget, fail, out, patternLength } = a;
  let { start, end: ends, pattern, count } = st.hits;
  let cap = start.length;
  let s = st.s;
  for (let i = st.i; i < end; i++) {
    const c = classOf[codes[i]!]!;
    if (c === 0) {
      s = 0;
      continue;
    }
    for (;;) {
      let next = -1;
      if (s === 0) {
        next = rootNext[c]!;
        s = next;
        break;
      }
      let lo = edgeStart[s]!;
      const hi = edgeStart[s + 1]!;
      for (; lo < hi; lo++) {
        const k = edgeClass[lo]!;
        if (k >= c) {
          if (k === c) next = edgeTarget[lo]!;
          break;
        }
      }
      if (next > 0) {
        s = next;
        break;
      }
      s = fail[s]!;
    }
    const p = out[s]!;
    if (p >= 0) {
      if (count === cap) {
        cap *= 2;
        const ns = new Int32Array(cap);
        ns.set(start);
        start = ns;
        const ne = new Int32Array(cap);
        ne.set(ends);
        ends = ne;
        const np = new Int32Array(cap);
        np.set(pattern);
        pattern = np;
      }
      start[count] = i + 1 - patternLength[p]!;
      ends[count] = i + 1;
      pattern[count] = p;
      count++;
    }
  }
  st.i = end;
  st.s = s;
  st.hits = { count, start, end: ends, pattern };
}
