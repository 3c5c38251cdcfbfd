/**
 * English stopwords dropped at index and query time. A short list (articles, pronouns, auxiliaries,
 * prepositions): scientific text needs words like "first", "new" or "large" to stay searchable,
 * so only words that carry no topic are here.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a an and are as at be been being but by can could did do does for from had has have he her his " +
    "how i if in into is it its itself may me might my no nor not of on or our ours she should so " +
    "such than that the their them then there these they this those to too us was we were what when " +
    "where which while who whom why will with would you your via also thus hence here"
  ).split(" "),
);
