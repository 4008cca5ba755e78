/**
 * Captions: a photo's caption dates the picture. "Rescue teams work at the site of the collapse
 * in Riverside, on June 29, 2021. (Photo: Jo Doe/Wire)" says when the teams worked, days after
 * the collapse; only what its main verb tells ("The two leaders meet in Lakeview, June 29, 2019")
 * happened on that day. A caption is told by its conventions, not by its words: a credit closing
 * its line, an opener such as "FILE:", or one sentence in the present, ending on the place, a
 * comma and the date.
 */
import { isCapitalised, type Token } from '../text/tokens';
import type { Claim, Extraction } from './extract';
import { ALL_PREPOSITIONS, CALENDAR_WORDS, DETERMINERS } from './grammar';

/** Words that say a line's tail credits a picture: "(Photo: Jo Doe)", "Jo Doe/Wire Images", "courtesy of the city". */
const PICTURE_WORDS = new Set(['photo', 'photos', 'photograph', 'image', 'images', 'imagery', 'credit', 'courtesy']);
/** The small words a credit may hold besides names and picture words: "Photo by ...", "... via Wire Images", "file". */
const CREDIT_GLUE = new Set(['by', 'via', 'and', 'of', 'for', 'the', 's', 'file', 'screen', 'grab', 'handout', 'staff', 'pool']);
/** The longest credit, in tokens: a credit is a line's short tail, not a sentence; in brackets, it may name more. */
const CREDIT_TOKENS = 12;
const BRACKETED_CREDIT_TOKENS = 24;
/** How a caption may open: "FILE:", "FILE -", "FILE |", "File photo", "File image:", "In this photo", "This frame grab" (not "File a claim by ..."). */
const OPENERS = /^(?:file (?::|-|–|—|\||\/|photo|image|picture)|(?:in )?this (?:photo|image|frame|satellite|handout|picture|file))/i;
/** Bullets that open a list item or a timeline's entry, which no caption is. */
const BULLETS = new Set(['-', '*', '+', '•']);

/** The tokens of the line around token i: [first, last], between line breaks. */
function lineAround(tokens: Token[], i: number): [number, number] {
  let a = i;
  while (a > 0 && tokens[a - 1].type !== 'break') a--;
  let b = i;
  while (b + 1 < tokens.length && tokens[b + 1].type !== 'break') b++;
  return [a, b];
}

/**
 * Whether tokens [a, b] are a credit: few, and only names (capitalised words), picture words and a credit's small words;
 * with a picture word, or two names joined by "/" ("Jo Doe/Wire"). "Images of the crowd spread online" is a sentence.
 */
function isCredit(tokens: Token[], a: number, b: number, longest: number): boolean {
  if (b < a || b - a + 1 > longest) return false;
  let credits = false;
  const capital = (w: Token | undefined) => w?.type === 'word' && isCapitalised(w.text);
  for (let i = a; i <= b; i++) {
    const t = tokens[i];
    if (t.type === 'word') {
      // A web address's part ("NOLA.com") is a name's.
      const inAddress = !t.spaced && tokens[i - 1]?.text === '.';
      if (PICTURE_WORDS.has(t.lower)) credits = true;
      else if (!capital(t) && !CREDIT_GLUE.has(t.lower) && !inAddress) return false;
    } else if (t.text === '/' && capital(tokens[i - 1]) && capital(tokens[i + 1])) credits = true;
  }
  return credits;
}

/** Whether the line [a, b] closes with a credit: a bracketed one, or one after its last full stop. */
function endsWithCredit(tokens: Token[], a: number, b: number): boolean {
  let end = b;
  while (end > a && tokens[end].type === 'sym' && tokens[end].text === '.') end--;
  if (tokens[end]?.text === ')') {
    let open = end - 1;
    while (open > a && tokens[open].text !== '(') open--;
    if (tokens[open].text === '(' && isCredit(tokens, open + 1, end - 1, BRACKETED_CREDIT_TOKENS)) return true;
  }
  // The stop that ends the caption's sentence, not one inside a web address.
  for (let i = end; i > a; i--) if (tokens[i].text === '.' && tokens[i + 1]?.spaced) return isCredit(tokens, i + 1, end, CREDIT_TOKENS);
  return false;
}

/**
 * Whether a date is a caption's: a full date that ends its sentence, on a line that is a caption (a credit closes it, a
 * caption's opener opens it, or it is one sentence ending in agency style "..., in Gaza City, Aug. 6, 2020.").
 */
export function isCaptionDate(x: Extraction, claim: Claim): boolean {
  const date = claim.quantity.date;
  if (claim.kind !== 'date' || date?.year === undefined || date.day === undefined) return false;
  const tokens = x.tokens;
  const next = tokens[claim.lastToken + 1];
  if (next !== undefined && next.type !== 'break' && next.text !== '.') return false;
  const [a, b] = lineAround(tokens, claim.lastToken);
  if (endsWithCredit(tokens, a, b)) return true;
  const line = tokens[a]
    ? tokens
        .slice(a, Math.min(b, a + 4) + 1)
        .map((t) => t.lower)
        .join(' ')
    : '';
  if (OPENERS.test(line)) return true;
  // Agency style: one sentence, the whole line, in the present (no word in -ed: "Crowds cheered after the dam opened in
  // Riverside, June 14, 2024." is prose), ending on the place, a comma and the date.
  const [first, last] = x.sentences[claim.sentence] ?? [claim.firstToken, claim.lastToken];
  const before = tokens[claim.firstToken - 1];
  const place = tokens[claim.firstToken - 2];
  if (first > a + 1 || last < b - 1 || BULLETS.has(tokens[a]?.text ?? '')) return false;
  for (let i = first; i < claim.firstToken; i++) if (tokens[i].type === 'word' && /[a-z]ed$/.test(tokens[i].text)) return false;
  return (
    before?.text === ',' &&
    place?.type === 'word' &&
    isCapitalised(place.text) &&
    !CALENDAR_WORDS.has(place.lower) &&
    (next === undefined || next.type === 'break' || claim.lastToken + 2 > b)
  );
}

/**
 * Whether token i of a caption's sentence tells what the picture shows: its main verb's part, before the first
 * preposition ("The two leaders meet in Lakeview"), or what it was taken during ("speaks during a signing ceremony for
 * ..."). Not the scene it names after another preposition ("at the site of the collapse", "following the explosion").
 * "of" inside the subject ("Members of the board open ...") and "to" before a verb ("gather to open") open no scene.
 */
export function showsInCaption(x: Extraction, claim: Claim, i: number): boolean {
  const [first] = x.sentences[claim.sentence] ?? [claim.firstToken];
  let during = false;
  for (let j = first; j < i; j++) {
    const t = x.tokens[j];
    if (t.type !== 'word' || !ALL_PREPOSITIONS.has(t.lower) || t.lower === 'of') continue;
    if (t.lower === 'to' && !opensNounPhrase(x.tokens[j + 1])) continue;
    if (t.lower !== 'during' && !during) return false;
    during = t.lower === 'during';
  }
  return true;
}

/** Whether a token can open a noun phrase after "to": a determiner, a figure or a name; else "to" is a verb's. */
function opensNounPhrase(t: Token | undefined): boolean {
  return t !== undefined && (t.type === 'num' || (t.type === 'word' && (DETERMINERS.has(t.lower) || isCapitalised(t.text))));
}
