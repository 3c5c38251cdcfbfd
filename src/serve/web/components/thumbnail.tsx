/**
 * A paper's first page, small, as on Hugging Face's daily list; when there is none yet, a
 * typographic placeholder of the same shape (the title's first words and the primary category).
 * Width and height are always given, so nothing moves when the image arrives.
 */
import { plainText } from "../math.js";
import type { ThumbnailView } from "../present/thumbnails.js";

/** Words of the title on a placeholder: enough to recognise it, few enough to fit. */
const PLACEHOLDER_WORDS = 9;

export function firstWords(title: string, count = PLACEHOLDER_WORDS): string {
  const words = plainText(title).split(/\s+/).filter(Boolean);
  return words.length > count ? `${words.slice(0, count).join(" ")}…` : words.join(" ");
}

export function Thumbnail(props: { thumbnail: ThumbnailView | null | undefined; title: string; category: string; class: string }) {
  const { thumbnail } = props;
  if (thumbnail === undefined) return null;
  if (thumbnail === null)
    return (
      // The same words are in the title right beside it: hidden from screen readers, shown to the eye.
      <div class={`${props.class} thumb-placeholder`} aria-hidden="true">
        <span class="thumb-title">{firstWords(props.title)}</span>
        <span class="thumb-category">{props.category}</span>
      </div>
    );
  return (
    <img
      class={props.class}
      src={thumbnail.src}
      width={thumbnail.width}
      height={thumbnail.height}
      loading="lazy"
      decoding="async"
      alt={`First page of “${firstWords(props.title, 20)}”`}
    />
  );
}
