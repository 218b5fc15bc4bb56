//! The page model's stage: its reading of the page the rules keep.
//!
//! The rules decide first ([`crate::decide`]); then the page model reads the
//! paragraphs they keep as runs of content and noise, removes the noise
//! runs, and lets the rules look again at the smaller page, round after
//! round, until the page settles ([`with_page_model`]). It is a stage
//! of its own, after the rules and before rendering, because it reads what
//! the rules decided: what they removed around each paragraph is part of its
//! evidence.

use crate::decide::{Decision, KeepReason, Removal, keep_runs_that_would_join};
use crate::options::Options;
use crate::page_model::{self, PAGE_MODEL};
use crate::text::is_figure_list;
use std::borrow::Cow;

/// Rounds of [`with_page_model`] at most. No page of bench-dev or
/// ext needs all of them; a page still losing paragraphs after the last is
/// left as the rules leave it.
const MAX_MODEL_ROUNDS: usize = 8;

/// The share of the text the rules keep that the page model may take from
/// a page. A page it would take more of is left as the rules leave it: such
/// a reading is a page without an article to anchor on (a product grid, a
/// spec sheet, a listing), where the model takes the main text for a menu.
/// It was 0.85, where 4 of ext's 272 pages (held out by site) passed it:
/// left to the rules, they kept 0.81, 0.55, 0.91 and 0.83 of their main
/// text where the model kept 0.00, 0.02, 0.06 and 0.13. Read again without
/// the rules' removals (below), two pages of that kind came out just under
/// 0.85 (0.84 and 0.83 taken, most of their main text with it); at 0.8, 6
/// pages pass it, and ext's F1 is 0.845 rather than 0.840 (docs/model.md).
const MOST_THE_MODEL_TAKES: f64 = 0.8;

/// Runs the page model (when enabled) over the paragraphs that `decisions`
/// keep, and removes what it decodes as noise. It settles like [`crate::decide::settled`]:
/// after a removal, `rerun` (the whole judgement, settled) reads the smaller
/// page (the indices of the paragraphs kept, in `texts`) again, as the next
/// run would, so cleaning stays a fixed point. A page that still loses
/// paragraphs in the last of [`MAX_MODEL_ROUNDS`] is given back the
/// decisions it came with, and so is a page that would lose more than
/// [`MOST_THE_MODEL_TAKES`] of the text the rules keep; one given back after
/// its rounds put copies back is first read once more without putting any
/// back, as the next run reads it ([`model_rounds`]).
///
/// The model reads the page twice. First beside what the rules removed
/// around each paragraph as noise (a comment between two removed
/// timestamps, a teaser under a removed "Related" heading). The next run of
/// the clean copy cannot see those paragraphs, so the page it leaves is
/// then read as that run will read it, without them, and rounds go on from
/// there: that run finds nothing more to remove. (The model weighs the
/// removals only towards noise, so this second reading rarely removes
/// more; it matters most on a page the first reading gave back.)
///
/// A page that reads as article text ([`reads_as_article_text`]) is not
/// read at all, nor a text that the rules leave more than
/// [`page_model::MAX_PARAGRAPHS`] paragraphs of, nor one they leave no
/// sentence of prose in ([`is_prose`]): a list, a glossary, a log has no
/// core for the model to weigh its lines against, and the built-in model
/// retrained at 4ad81ce took 3,007 of 4,000 numbered lines ("Line 632") as
/// far from a core it could not find. There that skip changed 2 of
/// bench-dev's 542 clean copies with the built-in model (`ext` 0618 and
/// 0658, a store's lists), and 0658 alone with stop 51's default-seed
/// leave-site-out fold models, where it keeps more of the gold (precision
/// 0.688 -> 0.712, recall 0.493 -> 0.600).
///
/// What the model leaves whatever it reads:
/// - a schedule or a results table ([`is_figure_list`]), which reads to a
///   model of prose and noise like a run of short lines but is the
///   article's data;
/// - what `left_alone` (by index in `texts`) names:
///   - a paragraph that a catalogue rule names but that the rules keep: the
///     rule is one the user turned off (the opt-in `boilerplate/copyright`
///     and `boilerplate/credits`, say, for agency copy that keeps its credit
///     lines), and the model must not remove it in that rule's place;
///   - a Markdown code block or table, or a block of code outside a fence
///     ([`crate::text::is_code_block`]): the author's code and data. And in
///     a text of one paragraph per line, two tables (or code blocks) that a
///     removal brings together read as one on the next run: a verdict on
///     each part would not hold for the whole (not idempotent);
/// - a listing of code scraped with its line numbers
///   ([`crate::text::numbered_code_listing`]), and a table scraped one cell
///   per paragraph between sentences of the article
///   ([`crate::text::table_cells`]), found among the paragraphs each round
///   reads;
/// - a run of paragraphs whose removal would bring together two kept
///   paragraphs that `would_join` (by index in `texts`; `None` for the
///   text's start) says the next run reads as one (two Markdown blocks, or
///   an indented line after indented code, one paragraph per line): that page
///   is not the page the model read, and it reads the rest of the page
///   differently there (not idempotent).
pub fn with_page_model(
    texts: &[&str],
    decisions: Vec<Decision>,
    left_alone: impl Fn(usize) -> bool,
    would_join: impl Fn(Option<usize>, usize) -> bool,
    options: &Options,
    mut rerun: impl FnMut(&[usize]) -> Vec<Decision>,
) -> Vec<Decision> {
    let Some(model) = options.page_model.as_deref() else {
        return decisions;
    };
    let kept = kept_indices(&decisions);
    let kept_texts: Vec<&str> = kept.iter().map(|&i| texts[i]).collect();
    if !options.rules.enabled(PAGE_MODEL)
        || kept.len() > page_model::MAX_PARAGRAPHS
        || reads_as_article_text(&kept_texts)
        || !kept_texts.iter().any(|text| is_prose(text))
    {
        return decisions;
    }
    // Each paragraph is measured once, for all rounds of both readings.
    let removed_by = decisions.iter().map(page_model::noise_rule);
    let mut paragraphs = page_model::MeasuredParagraphs::new(texts, removed_by)
        .with_trail_titles(crate::noise::navigation::titles_the_trail);
    // This run's reading sees what the rules removed around each paragraph.
    let decisions = model_rounds(
        model,
        &mut paragraphs,
        texts,
        decisions,
        &left_alone,
        &would_join,
        &mut rerun,
    );
    if !paragraphs.rules_removed_any() {
        return decisions;
    }
    // The next run of the clean copy reads it without those paragraphs, and
    // may remove more: that reading goes on from here, so that the next run
    // finds nothing more to remove.
    paragraphs.read_removals(false);
    model_rounds(
        model,
        &mut paragraphs,
        texts,
        decisions,
        left_alone,
        would_join,
        rerun,
    )
}

/// A line of at most this many words is short to
/// [`reads_as_article_text`].
const SHORT_LINE_WORDS: usize = 5;

/// Whether `text` has at most [`SHORT_LINE_WORDS`] words.
fn is_short(text: &str) -> bool {
    text.split_whitespace().nth(SHORT_LINE_WORDS).is_none()
}

/// Whether `text` is a sentence longer than a short line.
fn is_prose(text: &str) -> bool {
    !is_short(text) && crate::text::ends_with_full_stop(text)
}

/// Whether the page of `kept` paragraphs (those the rules keep, in order)
/// reads as article text, which the page model leaves to the rules: every
/// short line on it (at most [`SHORT_LINE_WORDS`] words) but its first
/// paragraph, the headline, either stands between two paragraphs that end
/// with a full stop, as a subheading does, or is itself a sentence that ends
/// with one (a one-word answer in an interview, a line of dialogue, a step
/// of a recipe). The noise the model reads as runs holds short lines
/// next to other noise: menus, a byline or a dateline under the headline,
/// a poster's name over the date, a "Back" link over the site's address.
/// A short question does not pass: teaser lists are worded as questions
/// ("What Is the 30-30-30 Rule?" under an `ext` page whose teasers the
/// fold models of held-out phrasing take).
///
/// Of bench-dev's inputs it skips 49 of the 90 `dups` articles, 51 of the
/// 90 `real-readability` ones, 8 of the 90 page dumps and 2 of the 272
/// `ext` pages. Read anyway, the model removes nothing from them with the
/// built-in model or the leave-site-out fold models of seeds default, 11,
/// 23 and 5 and of held-out phrasing (stop 50's); with seed 7's, it
/// removes the last two paragraphs of one `dups` article without a short
/// line (`0e014df6`: "What is your favorite weekend family activity? ...",
/// both real), which the skip keeps. The model's instructions over the speed benchmark's
/// first copy fell from 2191 M to 2166 M (rules alone: 1987 M) when pages
/// of subheadings were first skipped, and from 2167.4 M to 2161.3 M
/// (rules 1989.6 M) when short sentences joined them (stop 50); skipping
/// only the pages with no short line but the first, 2175 M. Skipping every
/// page of at most one short line also left a "Back" link and the site's
/// address under a short news page (dev `f6ac15a4`) that the built-in
/// model takes.
fn reads_as_article_text(kept: &[&str]) -> bool {
    let mut kept = kept.iter().copied();
    let (Some(mut before), Some(mut current)) = (kept.next(), kept.next()) else {
        return true;
    };
    loop {
        let after = kept.next();
        if is_short(current)
            && !crate::text::ends_with_full_stop(current)
            && !(is_prose(before) && after.is_some_and(is_prose))
        {
            return false;
        }
        let Some(after) = after else {
            return true;
        };
        (before, current) = (current, after);
    }
}

/// The page model's rounds over what `decisions` keep
/// ([`with_page_model`]).
fn model_rounds<'t, 'm>(
    model: &'m page_model::PageModel,
    paragraphs: &mut page_model::MeasuredParagraphs<'t, 'm>,
    texts: &[&str],
    mut decisions: Vec<Decision>,
    left_alone: impl Fn(usize) -> bool,
    would_join: impl Fn(Option<usize>, usize) -> bool,
    mut rerun: impl FnMut(&[usize]) -> Vec<Decision>,
) -> Vec<Decision> {
    // How many paragraphs the rules keep, and how much text. The list
    // itself goes at once: a page dump's peak comes later.
    let text_of = |kept: &[usize]| kept.iter().map(|&i| texts[i].len()).sum::<usize>();
    let (kept_by_rules, text_kept_by_rules) = {
        let kept = kept_indices(&decisions);
        (kept.len(), text_of(&kept))
    };
    // The rounds put back the copies of a paragraph they take
    // ([`stand_in_for_removed_copies`]). The next run of the clean copy has
    // no such copies: where this run's rounds give the page back, that
    // run's rounds read the same page without them, and may settle where
    // these did not. So a page given back after copies were put back is
    // read again, once, without putting any back, as that run will read
    // it. Found by the `clean` fuzz target: with copies put back, a page
    // still lost paragraphs in the eighth round and came back as the rules
    // left it; the next run, whose text had no copies, settled in the
    // eighth round and removed 18 of its 25 paragraphs.
    // Whether the page the rounds left, `kept`, holds enough of the text.
    let holds_enough = |kept: &[usize]| {
        1.0 - text_of(kept) as f64 / text_kept_by_rules.max(1) as f64 <= MOST_THE_MODEL_TAKES
    };
    let mut put_back_copies = true;
    loop {
        // What the rounds changed, to give back if the page never settles or
        // loses most of its text: each paragraph's decision before the rounds
        // first changed it. The rules' keeps go in `replaced`, with why they
        // kept the paragraph, and the rules' removals of copies put back
        // ([`stand_in_for_removed_copies`]) in `restored`. Only the first
        // change counts: a line the rules kept as a structural repeat, then
        // removed as a copy once the page was smaller, then put back for a
        // copy the model took, was given back as that removal (found by the
        // `clean` fuzz target: the next run removed yet another copy). A
        // round only removes paragraphs that are kept, and each only once,
        // so the rules' kept paragraphs bound `replaced` (but for copies put
        // back, which are few): it is reserved at that size when the first
        // round removes something, not left to double (doubling, it was 7%
        // of a page dump's heap peak). `touched` says which paragraphs the
        // rounds have changed.
        let mut replaced: Vec<(usize, KeepReason)> = Vec::new();
        let mut restored: Vec<(usize, Decision)> = Vec::new();
        let mut touched = vec![false; decisions.len()];
        let mut record = |index: usize, before: Decision| {
            if std::mem::replace(&mut touched[index], true) {
                return;
            }
            match before {
                Decision::Keep(reason) => {
                    if replaced.capacity() == 0 {
                        replaced.reserve_exact(kept_by_rules);
                    }
                    replaced.push((index, reason));
                }
                removal => restored.push((index, removal)),
            }
        };
        // Whether the last round put copies back: the rules have not yet
        // looked at the page with them.
        let mut copies_put_back = false;
        // Whether any round put copies back.
        let mut any_put_back = false;
        for _ in 0..MAX_MODEL_ROUNDS {
            let mut kept = kept_indices(&decisions);
            if kept.len() < page_model::MIN_PARAGRAPHS {
                // The model reads no page this small, but the rules have not
                // yet looked at copies the last round put back: the next run
                // removes all but one of those that copy each other (found
                // by the `clean` fuzz target: a footer's credit line, put
                // back twice, stayed twice).
                if copies_put_back {
                    look_again(&mut decisions, &mut rerun, &mut record);
                    kept = kept_indices(&decisions);
                }
                if holds_enough(&kept) {
                    return decisions;
                }
                break;
            }
            let verdicts = page_model::judge_page(model, paragraphs, &kept);
            // A listing of code is read among the paragraphs this round
            // reads, as the next run reads it: a line the rules removed as a
            // copy (the same line in another language's tab) is not there
            // to count then. Read once from the rules' page, a listing that
            // the rules' later looks broke up (a copy in it found once the
            // page was smaller) stayed whole, and the next run, which found
            // no listing there, removed two of its lines (found by the
            // `clean` fuzz target).
            // Only a round that removes something needs them.
            let listed = if verdicts.iter().all(|verdict| !verdict.remove) {
                vec![false; kept.len()]
            } else {
                let kept_texts: Vec<&str> = kept.iter().map(|&i| texts[i]).collect();
                let cells = crate::text::table_cells(&kept_texts);
                let mut listed = crate::text::numbered_code_listing(&kept_texts);
                for (listed, cell) in listed.iter_mut().zip(cells) {
                    *listed |= cell;
                }
                listed
            };
            let mut remove: Vec<bool> = verdicts
                .iter()
                .zip(&kept)
                .zip(listed)
                .map(|((verdict, &index), listed)| {
                    verdict.remove && !listed && !is_figure_list(texts[index]) && !left_alone(index)
                })
                .collect();
            if remove.contains(&true) {
                let kept_texts: Vec<&str> = kept.iter().map(|&i| texts[i]).collect();
                keep_lists_kept_mostly(&mut remove, &kept_texts);
            }
            keep_runs_that_would_join(&mut remove, &kept, &would_join);
            let mut changed = false;
            let mut removed_now = Vec::new();
            for ((verdict, &index), &removed) in verdicts.iter().zip(&kept).zip(&remove) {
                if removed {
                    let removal = Decision::remove(Removal {
                        rule: Cow::Borrowed(PAGE_MODEL),
                        kept: None,
                        similarity: Some(verdict.probability),
                        documents: None,
                    });
                    let before = std::mem::replace(&mut decisions[index], removal);
                    // Read alone it is no noise: only where it stands is.
                    if let Decision::Keep(reason) = &before
                        && verdict.probability < model.threshold
                    {
                        removed_now.push((index, *reason));
                    }
                    record(index, before);
                    changed = true;
                }
            }
            if !changed && !copies_put_back {
                if holds_enough(&kept) {
                    return decisions;
                }
                break;
            }
            // The round's lists go before the rules look again, which is when a
            // page dump's run peaks; so do the scores of a page no round reads
            // again.
            drop((kept, verdicts, remove));
            paragraphs.forget_scored_page();
            // What the other rules would now remove from the smaller page.
            look_again(&mut decisions, &mut rerun, &mut record);
            let put_back = if put_back_copies {
                stand_in_for_removed_copies(&mut decisions, &removed_now)
            } else {
                Vec::new()
            };
            copies_put_back = !put_back.is_empty();
            any_put_back |= copies_put_back;
            for (index, before) in put_back {
                record(index, before);
            }
        }
        // Every round removed more: the model's reading of this page does not
        // settle, and the next run would remove more again (not idempotent).
        // Or it settled having taken most of the page. The page is left as the
        // rules leave it, which the next run reads the same way, from the same
        // page, to the same end.
        for (index, reason) in replaced {
            decisions[index] = Decision::Keep(reason);
        }
        for (index, before) in restored {
            decisions[index] = before;
        }
        if !(put_back_copies && any_put_back) {
            return decisions;
        }
        put_back_copies = false;
    }
}

/// Takes back `remove`'s removals from each list of the page's own among
/// `texts` (`listing::list_spans`: figures, times, dates, senses, a week's
/// days) that keeps as many of its lines as it loses, or more, where the
/// lines it loses are a list of their own too, the list's later rows, as
/// far as that list runs (a teaser with a price right under the rows runs
/// with them, as `listing::figure_list_span` reads a list's end), or each
/// an item of figures (`listing::is_figure_line`). A festival's line-up, a
/// stage's acts under a time each, day after day, was read as content up
/// to its last day, whose acts went as the page's end (`benches/modern18`
/// 13). A list of figures may run on from the
/// article's last lines into a sidebar's few teasers with a price or a
/// number in them, which are no list by themselves (`benches/modern14` 17
/// and `modern11` 09 kept them before that condition).
fn keep_lists_kept_mostly(remove: &mut [bool], texts: &[&str]) {
    // A list's lost lines lie together among all the lines lost: when
    // those hold no list, and no item of figures is lost right under one
    // that stays, no list lost its rows, and the page, most of which
    // stays, is not read for lists.
    let figure = crate::listing::is_figure_line;
    let lost_under_a_kept_item = (1..texts.len())
        .any(|at| remove[at] && !remove[at - 1] && figure(texts[at]) && figure(texts[at - 1]));
    if !lost_under_a_kept_item {
        let lost: Vec<&str> = (0..texts.len())
            .filter(|&at| remove[at])
            .map(|at| texts[at])
            .collect();
        if crate::listing::list_span(&lost).is_none() {
            return;
        }
    }
    for (start, end) in crate::listing::list_spans(texts) {
        let lost: Vec<usize> = (start..=end).filter(|&at| remove[at]).collect();
        if 2 * lost.len() > end + 1 - start {
            continue;
        }
        let lost_texts: Vec<&str> = lost.iter().map(|&at| texts[at]).collect();
        // Only as far as the lost rows' own list runs: the list of figures
        // may run on past it into a teaser with a price. Rows that are each
        // an item of figures are the list's too: a round after the list was
        // taken back reads its last row alone with the notes under it.
        if let Some((_, last)) = crate::listing::list_span(&lost_texts) {
            remove[start..=lost[last]].fill(false);
        } else if lost_texts.iter().all(|text| figure(text)) {
            remove[start..=end].fill(false);
        }
    }
}

/// The indices of the paragraphs `decisions` keep, in order.
fn kept_indices(decisions: &[Decision]) -> Vec<usize> {
    (0..decisions.len())
        .filter(|&i| matches!(decisions[i], Decision::Keep(_)))
        .collect()
}

/// Applies what the rules remove from the page that `decisions` keep, read
/// again (`rerun`, whose decisions index that page), and gives `record`
/// each paragraph it changes with the decision it had.
fn look_again(
    decisions: &mut [Decision],
    rerun: &mut impl FnMut(&[usize]) -> Vec<Decision>,
    mut record: impl FnMut(usize, Decision),
) {
    let kept = kept_indices(decisions);
    for (at, decision) in rerun(&kept).into_iter().enumerate() {
        if let Decision::Remove(mut removal) = decision {
            removal.kept = removal.kept.map(|k| kept[k]);
            let before = std::mem::replace(&mut decisions[kept[at]], Decision::Remove(removal));
            record(kept[at], before);
        }
    }
}

/// Puts back, as kept, every copy the rules removed in favour of a
/// paragraph the page model has just removed (`removed_now`, each with why
/// the rules kept it, which the copies now stand in for), and gives back
/// each copy put back with the rules' removal it replaced.
///
/// The rules keep one copy of a paragraph, and the model reads only that
/// one, where it stands. Read there it may be noise (a thread's title in
/// the breadcrumb above the post) while a copy elsewhere is content (the
/// same title over the post). Removing the
/// kept copy alone would take the paragraph out of the text altogether, on
/// the reading of one place. Put back, each copy is read where it stands
/// in the next round: the model removes the ones that read as noise there,
/// and the rules' next look removes all but one of those it keeps, as
/// copies of each other. Only a paragraph that the model reads as content
/// on its own and removed for where it stands (its probability under the
/// threshold, taken with its run) is in `removed_now`: a menu's line, noise
/// wherever it stands, keeps the rules' removals of its copies.
///
/// On `ext`'s pages (held out by site, default seed), this keeps one more
/// headline (a forum thread's title, 0544) and 10 more lines of the gold
/// text, keeps 30 more lines that are not in it, and leaves F1 as it was
/// (0.8493).
fn stand_in_for_removed_copies(
    decisions: &mut [Decision],
    removed_now: &[(usize, KeepReason)],
) -> Vec<(usize, Decision)> {
    let mut restored = Vec::new();
    if removed_now.is_empty() {
        return restored;
    }
    for (index, decision) in decisions.iter_mut().enumerate() {
        let Decision::Remove(removal) = decision else {
            continue;
        };
        let Some(kept) = removal.kept else {
            continue;
        };
        if let Ok(at) = removed_now.binary_search_by_key(&kept, |&(i, _)| i) {
            let stand_in = Decision::Keep(removed_now[at].1);
            restored.push((index, std::mem::replace(decision, stand_in)));
        }
    }
    restored
}

#[cfg(test)]
mod tests {
    use super::keep_lists_kept_mostly;

    /// A line-up's three days, each a stage's acts under a time each
    /// (written for the test, as `benches/modern18` 13 reads), then a note.
    const LINE_UP: [&str; 20] = [
        "Saltmarsh Sound 2025: full line-up",
        "Friday 25 July",
        "21:45 The Velvet Curfew",
        "20:00 Marigold Static",
        "18:30 Juno Ashby",
        "17:15 Thistledown",
        "16:00 The Lowlights",
        "Saturday 26 July",
        "22:00 Gallowglass",
        "20:15 Hollis & The Long Way Home",
        "18:45 Neon Heron",
        "17:30 Bette Corrigan",
        "16:15 Shale",
        "Sunday 27 July",
        "21:15 Cassia Vane",
        "19:30 Drumlin",
        "18:00 The Winter Gardeners",
        "16:45 Ruby Achterberg",
        "15:30 Low Tide Choir",
        "Acts and times may change.",
    ];

    /// The lines of `texts` that `keep_lists_kept_mostly` keeps, with the
    /// lines from `from` on removed.
    fn kept_from(texts: &[&str], from: usize) -> Vec<usize> {
        let mut remove: Vec<bool> = (0..texts.len()).map(|at| at >= from).collect();
        keep_lists_kept_mostly(&mut remove, texts);
        (0..texts.len()).filter(|&at| !remove[at]).collect()
    }

    #[test]
    fn a_list_kept_in_most_of_its_rows_is_kept_whole() {
        // The last day's acts are the list's rows: they stay with it, and
        // the note under them goes as the model read it.
        assert_eq!(kept_from(&LINE_UP, 13), (0..19).collect::<Vec<_>>());
        // A later round that reads the last act alone with the note under
        // it leaves the list whole.
        assert_eq!(kept_from(&LINE_UP, 18), (0..19).collect::<Vec<_>>());
        // A list the model reads mostly as noise goes as it read it.
        assert_eq!(kept_from(&LINE_UP, 5), (0..5).collect::<Vec<_>>());
        // A sidebar's teasers, two with a figure, run on from the list of
        // figures, but are no list of their own: they go.
        let mut teased = LINE_UP[..19].to_vec();
        teased.extend([
            "More from the blog",
            "10 things nobody tells you about camping",
            "A weekend for under £60",
            "The Douro Valley by train",
        ]);
        assert_eq!(kept_from(&teased, 19), (0..19).collect::<Vec<_>>());
    }
}
