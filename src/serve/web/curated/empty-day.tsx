/**
 * What an empty curated day says: how papers get onto a list, for the visitor who is looking —
 * signed out, a member on an older day (submissions go to today's list), or where only curators add.
 */
export interface EmptyDayFacts {
  day: string;
  today: string;
  signedIn: boolean;
  canSubmit: boolean;
  curatorsOnly: boolean;
}

export function EmptyCuratedDay({ facts }: { facts: EmptyDayFacts }) {
  const how = (() => {
    if (facts.curatorsOnly && !facts.canSubmit)
      return <>On this site only curators add papers; an admin makes curators with <code>paperfeed admin role --email ADDRESS --role curator</code>.</>;
    if (!facts.signedIn)
      return (
        <>
          <a href="/account/signin?next=/daily">Sign in</a> or <a href="/account/signup">create an account</a>, then paste an arXiv id or
          URL into “Add a paper” on today's list; members upvote what they find worth reading.
        </>
      );
    if (facts.canSubmit) return <>Paste an arXiv id or URL into “Add a paper” above to start it.</>;
    return (
      <>
        Members add papers to today's list: <a href={`/daily?date=${facts.today}`}>go to today's list</a>.
      </>
    );
  })();
  return (
    <div class="empty curated-empty">
      <p>Nobody has put a paper on this day's list yet.</p>
      <p>{how}</p>
    </div>
  );
}
