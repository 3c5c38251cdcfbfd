/**
 * For you, measured offline: a simulation over real arXiv daily listings. What it measures, and
 * what it cannot:
 * - A simulated member is a real author of the listings: they upvote their own three newest papers
 *   from the 120 days before the newest 14 (the pool For you picks from) and one pool paper of
 *   their group. Their group is them and every co-author of those papers; the papers relevant to
 *   them are the pool's other papers by anyone in the group. Truth comes from authorship, never
 *   from text, so the ranker's own word model cannot grade itself.
 * - For you sees only the upvotes (no follows), through the real stores and `forYou`.
 * - Baselines: popularity (pool papers by all simulated members' upvotes, the member's own
 *   excluded, ties broken at random) and random pool papers.
 * - Precision@10 counts relevant papers among the first 10. It cannot measure interests outside a
 *   member's co-author network (a relevant paper by a stranger counts as wrong), taste or novelty,
 *   and real members upvote others' papers more than their own.
 */
import fs from "node:fs";
import path from "node:path";
import { forYou } from "../src/actions/for-you/for-you.js";
import type { Paper } from "../src/core/paper.js";
import { importFiles } from "../src/ingest/import.js";
import { RecentPool } from "../src/rank/for-you/recent-pool.js";
import { openSqliteCommunityStore } from "../src/store/sqlite/community-sql.js";
import { SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { createRandom } from "./corpus/prng.js";
import { machine } from "./report.js";

export interface ForYouSimArgs {
  /** A daily-listings file (JSON lines with listing_date). */
  file: string;
  tmpDir: string;
  /** Simulated members; default 300. */
  members?: number;
  seed?: number;
  log?: (line: string) => void;
}

type Ranking = "forYou" | "words" | "popularity" | "random";
const RANKINGS: Ranking[] = ["forYou", "words", "popularity", "random"];

export interface VariantResult {
  label: string;
  members: number;
  meanRelevant: number;
  precision: Record<Ranking, number>;
  hitRate: Record<Ranking, number>;
  msPerMember: number;
}

export interface ForYouSimResult {
  papers: number;
  poolPapers: number;
  poolDays: string;
  variants: VariantResult[];
  measured: string;
}

const TRAIN_DAYS = 120;
const MAX_GROUP_AUTHORS = 20;
const K = 10;

export async function forYouSimulation(args: ForYouSimArgs): Promise<ForYouSimResult> {
  const log = args.log ?? (() => {});
  const random = createRandom(args.seed ?? 1);
  const dir = fs.mkdtempSync(path.join(args.tmpDir, "for-you-"));
  const file = path.join(dir, "sim.db");
  const store = SqliteStore.open({ path: file });
  let variantNo = 0;
  const community = openSqliteCommunityStore({ path: file });
  try {
    log("for-you: importing the listings");
    const imported = await importFiles(store, [args.file]);
    const pool = new RecentPool(store);
    await pool.refresh();
    const poolPapers = pool.papers().map((p) => p.paper);
    const poolIds = new Set(poolPapers.map((p) => p.id));
    const days = (await store.announcedDays({ limit: 1000 })).map((d) => d.day);
    const poolDays = days.slice(0, pool.dayCount);
    const trainDays = days.slice(pool.dayCount, pool.dayCount + TRAIN_DAYS);
    const train: Paper[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await store.listAnnounced(trainDays.at(-1)!, trainDays[0]!, { limit: 1000, offset });
      train.push(...page);
      if (page.length < 1000) break;
    }
    // Authors' papers, newest first, and the pool's papers by author.
    const byAuthor = new Map<string, Paper[]>();
    // Large collaborations are left out of the members' own papers: a group of hundreds is no one's reading circle.
    for (const p of train)
      if (p.authors.length <= MAX_GROUP_AUTHORS)
        for (const a of p.authors) byAuthor.set(a.name, [...(byAuthor.get(a.name) ?? []), p]);
    const poolByAuthor = new Map<string, string[]>();
    for (const p of poolPapers)
      for (const a of p.authors) poolByAuthor.set(a.name, [...(poolByAuthor.get(a.name) ?? []), p.id]);

    const candidates = [...byAuthor].flatMap(([name, papers]) => {
      if (papers.length < 3) return [];
      const own = papers.slice(0, 3);
      const group = new Set(own.flatMap((p) => p.authors.map((a) => a.name)));
      const relevant = [...new Set([...group].flatMap((a) => poolByAuthor.get(a) ?? []))];
      return relevant.length >= 3 ? [{ name, own, relevant }] : [];
    });
    const wanted = Math.min(args.members ?? 300, candidates.length);
    const members = [...candidates].sort((a, b) => (a.name < b.name ? -1 : 1));
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      [members[i], members[j]] = [members[j]!, members[i]!];
    }
    log(
      `for-you: ${imported.imported} papers, pool ${poolPapers.length}, ${candidates.length} possible members`,
    );
    const variants: VariantResult[] = [];
    for (const distinct of [false, true]) {
      let chosen = members.slice(0, wanted);
      if (distinct) {
        // Members from distinct groups: no author in two members' groups.
        const taken = new Set<string>();
        chosen = members
          .filter((m) => {
            const group = m.own.flatMap((p) => p.authors.map((a) => a.name));
            if (group.some((a) => taken.has(a))) return false;
            group.forEach((a) => taken.add(a));
            return true;
          })
          .slice(0, wanted);
      }
      variants.push(
        await simulate(
          chosen,
          distinct ? "members from distinct groups" : "members drawn at random (groups may overlap)",
        ),
      );
    }
    return {
      papers: imported.imported,
      poolPapers: poolPapers.length,
      poolDays: `${poolDays.at(-1)} … ${poolDays[0]}`,
      variants,
      measured: machine(),
    };

    async function simulate(chosen: typeof members, label: string): Promise<VariantResult> {
      variantNo++;
      const now = new Date(`${poolDays[0]}T12:00:00Z`);
      const votes = new Map<string, number>();
      const users: Array<{ id: number; upvoted: Set<string>; relevant: Set<string> }> = [];
      for (const [i, m] of chosen.entries()) {
        const user = await community.createUser({
          email: `member${i}.${variantNo}@sim.test`,
          displayName: `Member ${i}`,
          passwordHash: "scrypt$sim",
          now: now.toISOString(),
        });
        const early = m.relevant[Math.floor(random.next() * m.relevant.length)]!;
        const upvoted = new Set([...m.own.map((p) => p.id), early]);
        for (const id of upvoted) await community.setVote(user.id, id, true, now.toISOString());
        votes.set(early, (votes.get(early) ?? 0) + 1);
        users.push({ id: user.id, upvoted, relevant: new Set(m.relevant.filter((id) => id !== early)) });
      }

      const shuffled = (ids: string[]) =>
        ids
          .map((id) => ({ id, r: random.next() }))
          .sort((a, b) => a.r - b.r)
          .map((x) => x.id);
      const popularOrder = shuffled([...poolIds]).sort((a, b) => (votes.get(b) ?? 0) - (votes.get(a) ?? 0));
      const zero = (): Record<Ranking, number> => ({ forYou: 0, words: 0, popularity: 0, random: 0 });
      const sum = zero();
      const hits = zero();
      let spent = 0;
      for (const u of users) {
        const started = performance.now();
        const list = await forYou({ store, community, pool }, u.id, { now, limit: K });
        spent += performance.now() - started;
        const wordsOnly = await forYou({ store, community, pool }, u.id, { now, limit: K, signalAuthors: false });
        const lists: Record<Ranking, string[]> = {
          forYou: list.items.map((i) => i.paper.id),
          words: wordsOnly.items.map((i) => i.paper.id),
          popularity: popularOrder.filter((id) => !u.upvoted.has(id)).slice(0, K),
          random: shuffled([...poolIds].filter((id) => !u.upvoted.has(id))).slice(0, K),
        };
        for (const key of RANKINGS) {
          const found = lists[key].filter((id) => u.relevant.has(id)).length;
          sum[key] += found / K;
          if (found > 0) hits[key]++;
        }
      }
      const n = Math.max(1, users.length);
      const mean = (r: Record<Ranking, number>) => Object.fromEntries(RANKINGS.map((k) => [k, r[k] / n])) as Record<Ranking, number>;
      log(`for-you: ${label}: ${RANKINGS.map((k) => `${k} ${(sum[k] / n).toFixed(3)}`).join(", ")}`);
      return {
        label,
        members: users.length,
        meanRelevant: users.reduce((s, u) => s + u.relevant.size, 0) / n,
        precision: mean(sum),
        hitRate: mean(hits),
        msPerMember: spent / n,
      };
    }
  } finally {
    await community.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function forYouSection(r: ForYouSimResult): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows = r.variants.flatMap((v) => [
    `| ${v.label} (${v.members}, ${v.meanRelevant.toFixed(1)} relevant each) | **For you** | **${pct(v.precision.forYou)}** | **${pct(v.hitRate.forYou)}** |`,
    `| | For you, words only (authors of upvoted papers not used) | ${pct(v.precision.words)} | ${pct(v.hitRate.words)} |`,
    `| | popularity (simulated upvotes) | ${pct(v.precision.popularity)} | ${pct(v.hitRate.popularity)} |`,
    `| | random | ${pct(v.precision.random)} | ${pct(v.hitRate.random)} |`,
  ]);
  return [
    "### For you: simulated members over real daily listings",
    "",
    `${r.measured}; \`npm run bench -- --parts for-you\` (bench/for-you-sim.ts says what it measures and what it cannot).`,
    "",
    `${r.papers.toLocaleString("en-US")} papers; For you picks from the newest 14 days (${r.poolDays}, ${r.poolPapers.toLocaleString("en-US")} papers). Each member is a real author who upvoted their 3 newest papers (at most ${MAX_GROUP_AUTHORS} authors each) of the 120 days before and one pool paper of their group; relevant: the pool's other papers by them or their co-authors.`,
    "",
    "| members | ranking | precision@10 | members with ≥ 1 relevant in 10 |",
    "| --- | --- | ---: | ---: |",
    ...rows,
    "",
    `For you took ${r.variants.map((v) => `${v.msPerMember.toFixed(1)} ms`).join(" and ")} per member (stores, pool and ranking; pool already loaded).`,
    "",
    "Relevance here is authorship, which For you also uses (authors of a member's upvoted papers count as a weak follow): the first row is what a member gets; the words-only row is what the text alone finds, about as much as popularity on this measure.",
  ].join("\n");
}
