//! The plain-text importer: scraped archives of commentary posts, paragraphs
//! separated by blank lines, nothing between posts, each post perhaps
//! followed by its readers' comments.
//!
//! The pipeline: split into paragraphs ([`paragraphs`]), set known furniture
//! aside ([`furniture`]), mark the comment threads ([`thread`]), learn the
//! archive's own furniture from what it repeats ([`learn`]), recognise
//! citations ([`sources`]), find the titles ([`segment`]), then give every
//! paragraph of a post or a comment its kind and tie quotes to the source
//! they quote ([`blocks`]).

mod blocks;
mod boundaries;
mod captions;
mod commentary;
mod entry_headers;
mod furniture;
mod learn;
mod page_header;
pub mod paragraphs;
mod post_lists;
mod quote_credit;
mod sections;
mod segment;
mod sources;
mod sparse;
mod thread;
mod wordset;

use std::ops::ControlFlow;
use std::sync::LazyLock;

use rayon::prelude::*;
use regex::Regex;

use crate::load::LoadError;
use crate::model::{Comment, Post, slug};
use blocks::{Body, blocks, contributor_name, first_contributor, signed_by};
use boundaries::{Above, MAX_ABOVE, heads_something};
use furniture::Furniture;
use learn::Role;
use paragraphs::{Paragraph, paragraphs};
use segment::{Candidates, Evidence};
use sources::{Reading, Readings};
use sparse::Sparse;

pub use blocks::is_lead_in;
/// Known outlets by domain, for the importers whose sources are links.
pub use sources::outlet_of_url;

/// Parses a plain-text archive into posts. Never fails on text; an archive
/// with no paragraphs gives no posts.
pub fn parse(_name: &str, content: &str) -> Result<Vec<Post>, LoadError> {
    Ok(posts_from(paragraphs(content)))
}

/// What segmentation asks of every paragraph and its neighbours, as bits.
const FOLLOWS_TITLE: u8 = 1;
const ENDS_POST: u8 = 2;
const CITATION: u8 = 4;
const FURNITURE: u8 = 8;
/// The paragraph's role was learned from the archive rather than known.
const LEARNED: u8 = 16;
const DATE_LINE: u8 = 32;
const POST_END_LINE: u8 = 64;

/// What the title pass asks of each paragraph's text alone, as bits: it
/// ends in a teaser's link ("Read more »"), it names a contributor ("From
/// Missy:"), it may be a citation ([`sources::may_cite`]).
const TEASER_END: u8 = 1;
const NAMES_CONTRIBUTOR: u8 = 2;
const MAY_CITE: u8 = 4;

/// The [`TEASER_END`], [`NAMES_CONTRIBUTOR`] and [`MAY_CITE`] bits of a
/// paragraph's text.
fn text_facts(text: &str) -> u8 {
    let mut facts = 0;
    if ends_with_teaser_link(text) {
        facts |= TEASER_END;
    }
    if contributor_name(text).is_some() {
        facts |= NAMES_CONTRIBUTOR;
    }
    if sources::may_cite(text) {
        facts |= MAY_CITE;
    }
    facts
}

/// Segments paragraphs into posts and their comment threads, copying their
/// text out of the paragraphs' arenas into the blocks.
///
/// Every step that looks at one paragraph or one post at a time runs on all
/// cores; only the choice of titles, which weighs the whole archive, and
/// the marking of threads are sequential. The result does not depend on
/// the number of cores.
pub fn posts_from(all: Vec<Paragraph>) -> Vec<Post> {
    planned(all).map_or_else(Vec::new, Plan::posts)
}

/// The posts [`posts_from`] gives, handed to `each` a batch at a time in
/// the archive's order, each batch dropped once `each` has seen it: for a
/// caller that writes them out and keeps little of them, so that the posts
/// are never all held. Stops at the first batch `each` breaks on.
pub fn posts_in_batches(all: Vec<Paragraph>, each: &mut dyn FnMut(Vec<Post>) -> ControlFlow<()>) {
    if let Some(plan) = planned(all) {
        plan.in_order(each);
    }
}

/// The title pass: where every post starts, and what the posts are built
/// from. `None` for an archive of furniture alone.
fn planned(mut all: Vec<Paragraph>) -> Option<Plan> {
    let headers = entry_headers::entry_headers(&mut all);
    let known = Sparse(
        all.par_iter()
            .enumerate()
            .filter_map(|(i, p)| furniture::recognise(&p.text).map(|f| (i, f)))
            .collect(),
    );
    let known = if headers.is_empty() {
        known
    } else {
        overridden(known, headers)
    };
    let (known, has_author_blocks) = with_author_blocks(&all, known);
    let known = with_naming_captions(
        &all,
        with_times_under_dates(&all, with_post_lists(&all, known)),
    );
    let known = with_names_under_titles(&all, known);
    let usual_gap = paragraphs::usual_gap(&all);
    // Marking the threads walks the archive on one core. What the title
    // pass later asks of each paragraph's text alone ([`text_facts`]) is
    // found beside it, on the core the walk leaves idle.
    let ((in_thread, roles), text_facts) = rayon::join(
        || {
            let slots = known.slots(all.len());
            let known_at = |i: usize| known.at_slot(&slots, i);
            // The lines' shapes are read beside the walk, which has
            // sequential stretches; learning leaves out what it marks.
            let (in_thread, shapes) = rayon::join(
                || thread::comment_paragraphs(&all, usual_gap, known_at),
                || learn::Shapes::of(&all),
            );
            let mut roles = learn::roles(&all, shapes, |i| in_thread[i], |i| known_at(i).is_some());
            // An author block's lines recur by design: they are the block's.
            if has_author_blocks {
                roles.retain(|(i, _)| !matches!(known_at(*i), Some(Furniture::AuthorBlock { .. })));
            }
            (in_thread, Sparse(roles))
        },
        || -> Vec<u8> { all.par_iter().map(|p| text_facts(&p.text)).collect() },
    );
    let furniture = with_reply_forms(&all, with_learned(&all, known, &roles), &in_thread);
    // A learned role overrides the role known furniture usually has.
    let mut marks = vec![0u8; all.len()];
    for (i, item) in &furniture.0 {
        let role = if item.follows_title() {
            FOLLOWS_TITLE
        } else if item.ends_post() {
            ENDS_POST
        } else {
            0
        };
        let kind = match item {
            Furniture::Date(_) => DATE_LINE,
            Furniture::PostEnd { .. } => POST_END_LINE,
            _ => 0,
        };
        marks[*i] = FURNITURE | role | kind;
    }
    for (i, role) in &roles.0 {
        marks[*i] = (marks[*i] & !(FOLLOWS_TITLE | ENDS_POST))
            | LEARNED
            | match role {
                Role::FollowsTitle => FOLLOWS_TITLE,
                Role::EndsPost => ENDS_POST,
            };
    }
    drop(roles);
    // The paragraphs that are not furniture, by index in the archive,
    // counted first so that the list is made at its size.
    let kept: Vec<u32> = {
        let count = marks.iter().filter(|&&m| m & FURNITURE == 0).count();
        let mut kept = Vec::with_capacity(count);
        kept.extend(
            (0..all.len())
                .filter(|&i| marks[i] & FURNITURE == 0)
                .map(|i| u32::try_from(i).expect("fewer than four billion paragraphs")),
        );
        kept
    };
    if kept.is_empty() {
        return None;
    }
    // Citations by index in the archive, their sources read again when
    // their posts are built.
    let (citations, readings) = sources::citations(
        kept.len(),
        |k| &all[kept[k] as usize].text,
        |k| {
            let i = kept[k] as usize;
            text_facts[i] & MAY_CITE != 0 && !all[i].is_list_item()
        },
    );
    let citations = Sparse(
        citations
            .into_iter()
            .map(|(k, reading)| (kept[k] as usize, reading))
            .collect(),
    );
    for (i, _) in &citations.0 {
        marks[*i] |= CITATION;
    }
    let marked = |i: usize, mark: u8| marks.get(i).is_some_and(|m| m & mark != 0);
    let follows_title = |i: usize| marked(i, FOLLOWS_TITLE);
    let ends_post = |i: usize| marked(i, ENDS_POST);
    let is_furniture = |i: usize| marked(i, FURNITURE);
    // A teaser's end ("Read more »", "12 comments") closes a post that may
    // be only its title; a comments header follows a post's text.
    let ends_teaser = |i: usize| {
        if marked(i, LEARNED) {
            marked(i, ENDS_POST)
        } else {
            marked(i, POST_END_LINE)
        }
    };
    let heads_prose_after = |furniture_line: usize| {
        let Some(next) = (furniture_line + 1..all.len().min(furniture_line + 1 + MAX_ABOVE))
            .find(|&k| !is_furniture(k))
        else {
            return false;
        };
        let text = &*all[next].text;
        let body = (next + 1..all.len().min(next + 1 + MAX_ABOVE)).find(|&k| !is_furniture(k));
        !in_thread[next]
            && text.len() <= 110
            && heads_something(text)
            && body.is_some_and(|body| segment::is_prose(&all[body].text))
    };
    // Whether the line at `i` has the furniture of a title above or under
    // it: then it is a title, whatever its colon or dash suggests.
    let title_furniture = |i: usize| -> Evidence {
        // Furniture over a heading that has prose under it is that
        // heading's: the line above is the page's (a blog's name).
        // Furniture the archive repeats under its titles is under this one.
        let byline_follows =
            follows_title(i + 1) && (marked(i + 1, LEARNED) || !heads_prose_after(i + 1));
        // A footer of a line or more ends the post above: "Posted in a |
        // Leave a comment" over "Tags: b, c".
        let post_end_precedes = (i.saturating_sub(MAX_ABOVE)..i)
            .rev()
            .take_while(|&p| is_furniture(p))
            .any(&ends_post)
            || i.checked_sub(1)
                .is_some_and(|p| text_facts[p] & TEASER_END != 0);
        let date_precedes = i.checked_sub(1).is_some_and(|p| {
            marked(p, DATE_LINE)
                && !p
                    .checked_sub(1)
                    .is_some_and(|above| !is_furniture(above) && heads_something(&all[above].text))
        });
        let mut found = Evidence::empty();
        found.set(Evidence::BYLINE_FOLLOWS, byline_follows);
        found.set(Evidence::POST_END_PRECEDES, post_end_precedes);
        found.set(Evidence::DATE_PRECEDES, date_precedes);
        found
    };
    // The names before the separator of the citation-shaped lines that
    // have a title's furniture: a blog that files its titles under a
    // section ("POLITICS - Drones over the city") prints the same name
    // over its other titles, where their furniture may be missing.
    let title_prefixes: Vec<&str> = {
        let mut prefixes: Vec<&str> = citations
            .0
            .iter()
            .filter(|&&(i, _)| !title_furniture(i).is_empty())
            .filter_map(|&(i, _)| sources::prefix_name(&all[i].text))
            // An outlet's name over a title ("RNZ: Tolls up again" under a
            // date) still cites where it stands over a post's text.
            .filter(|&name| sources::known_outlet(name).is_none())
            .collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        prefixes
    };
    let files_under_title_prefix = |i: usize| {
        !title_prefixes.is_empty()
            && sources::prefix_name(&all[i].text)
                .is_some_and(|name| title_prefixes.binary_search(&name).is_ok())
    };
    // A citation, unless it files under a title's section name.
    let cites = |i: usize| marked(i, CITATION) && !files_under_title_prefix(i);
    let titles = {
        let evidence: Vec<Evidence> = kept
            .par_iter()
            .map(|&i| {
                let i = i as usize;
                let furnished = title_furniture(i);
                // A line glued under the dateline or byline of the title
                // above it is that post's (a caption, its first line),
                // unless the same furniture is under it too: then the page
                // prints titles and their datelines with no blank lines.
                let glued_under_title_furniture = i.checked_sub(2).is_some_and(|above| {
                    let furniture = i - 1;
                    (marked(furniture, DATE_LINE) || follows_title(furniture))
                        && all[furniture].gap_after() == 0
                        && marks.get(i + 1) != Some(&marks[furniture])
                        && !is_furniture(above)
                        && all[above].gap_after() > 0
                        && heads_something(&all[above].text)
                        && !segment::never_heads(&all[above].text)
                });
                let mut evidence = furnished;
                // A line with the archive's furniture under it is a title,
                // whatever its colon or dash suggests.
                evidence.set(
                    Evidence::CITATION,
                    marked(i, CITATION) && furnished.is_empty() && !files_under_title_prefix(i),
                );
                evidence.set(
                    Evidence::CONTRIBUTOR,
                    text_facts[i] & NAMES_CONTRIBUTOR != 0,
                );
                evidence.set(Evidence::IN_THREAD, in_thread[i]);
                evidence.set(
                    Evidence::GLUED_UNDER_TITLE_FURNITURE,
                    glued_under_title_furniture,
                );
                evidence.set(
                    Evidence::POST_END_FOLLOWS,
                    ends_teaser(i + 1) || text_facts[i] & TEASER_END != 0,
                );
                evidence
            })
            .collect();
        drop(text_facts);
        segment::title_indices(&Candidates::new(&all, &kept, &evidence))
    };
    // Titles by index in the archive; the list of kept paragraphs is not
    // needed any more, and goes before the posts are built.
    let mut title_starts: Vec<usize> = titles.iter().map(|&k| kept[k] as usize).collect();
    drop(kept);
    let title_starts = {
        boundaries::drop_titles_inside_named_posts(&all, &mut title_starts, &furniture.0);
        boundaries::drop_titles_inside_first_posts(&mut title_starts, &furniture.0);
        sections::drop_section_headings(
            &all,
            &mut title_starts,
            &furniture.0,
            |i| in_thread[i],
            cites,
            files_under_title_prefix,
            &sections::Roles {
                follows_title,
                ends_post,
            },
        );
        boundaries::titles_under_breadcrumbs(&all, &mut title_starts, &furniture.0);
        captions::titles_named_by_captions(&all, &mut title_starts, &furniture.0, |i| in_thread[i]);
        boundaries::title_from_leading_header(&all, &mut title_starts, &furniture.0, |i| {
            in_thread[i]
        });
        let lost = boundaries::posts_with_lost_titles(
            &all,
            &title_starts,
            &furniture.0,
            |i| in_thread[i],
            follows_title,
        );
        if !lost.is_empty() {
            title_starts.extend(lost);
            title_starts.sort_unstable();
        }
        boundaries::untitled_posts_after_footers(
            &all,
            &mut title_starts,
            &furniture.0,
            |i| in_thread[i],
            ends_post,
        );
        boundaries::titles_of_listed_posts(&all, &mut title_starts, &furniture.0, |i| in_thread[i]);
        boundaries::titles_under_captions(&all, &mut title_starts, &furniture.0, |i| in_thread[i]);
        let dates_head_titles = boundaries::stack_titles_under_dates(
            &all,
            &mut title_starts,
            &furniture.0,
            |i| in_thread[i],
            cites,
            ends_post,
        );
        page_header::header_taken_for_first_post(&all, &mut title_starts, &furniture.0);
        page_header::headline_printed_twice(&all, &mut title_starts, &furniture.0);
        page_header::page_name_over_first_title(&all, &mut title_starts, &furniture.0, ends_post);
        page_header::headings_stacked_over_first_title(
            &all,
            &mut title_starts,
            &furniture.0,
            |i| marked(i, CITATION),
        );
        page_header::title_under_page_name_and_date(
            &all,
            &mut title_starts,
            &furniture.0,
            |i| in_thread[i],
            |i| marked(i, CITATION),
        );
        // Posts are built from runs between titles: the rules above each
        // keep the list in order, and a slip in one would make a run of
        // no paragraphs, so the order is made sure of once here.
        title_starts.sort_unstable();
        title_starts.dedup();
        (title_starts, dates_head_titles)
    };
    let (title_starts, dates_head_titles) = title_starts;
    let above =
        boundaries::furniture_above_titles(&all, &title_starts, &furniture.0, dates_head_titles);
    let archive_author = title_starts.first().and_then(|&first| {
        let header = &furniture.0[..furniture.0.partition_point(|(at, _)| *at < first)];
        header
            .iter()
            .find_map(|(at, f)| match f {
                Furniture::ArchiveHeader { author } => {
                    author.map(|name| name.text(&all[*at].text).to_string())
                }
                _ => None,
            })
            .or_else(|| {
                // A byline over the first post where no post has one of its
                // own under its title names the blog's author.
                let later_bylines = furniture.0[header.len()..].iter().any(
                    |(_, f)| matches!(f, Furniture::Byline(byline) if byline.author.is_some()),
                );
                above[0].author.clone().filter(|_| !later_bylines)
            })
    });
    drop(marks);
    Some(Plan {
        all,
        furniture: furniture.0,
        citations: citations.0,
        readings,
        in_thread,
        title_starts,
        above,
        usual_gap,
        archive_author,
    })
}

/// What posts are built from once their titles are found: the archive's
/// paragraphs, what the title pass learned of each, and where each post
/// starts.
struct Plan {
    all: Vec<Paragraph>,
    /// Furniture and citations by index in the archive, in order.
    furniture: Vec<(usize, Furniture)>,
    /// Each citation with the reading that found it ([`sources::Readings`]).
    citations: Vec<(usize, Reading)>,
    readings: Readings,
    in_thread: Vec<bool>,
    /// Where each post's title is, in order.
    title_starts: Vec<usize>,
    /// The furniture above each title.
    above: Vec<Above>,
    usual_gap: u8,
    archive_author: Option<String>,
}

impl Plan {
    /// Every post, built a batch of runs at a time from the archive's end:
    /// each batch's paragraphs leave the archive's list once its posts are
    /// built, which gives their room back at once, so that the list and the
    /// posts made of it are never both held whole. The batch's furniture,
    /// citations and thread marks leave their lists the same way.
    ///
    /// Each batch's posts go into the one list, last post first, which is
    /// turned round at the end: a list per batch gathered into a whole one
    /// would hold every post twice at the end of the load, the highest
    /// point of its memory.
    fn posts(self) -> Vec<Post> {
        let Plan {
            mut all,
            mut furniture,
            mut citations,
            readings,
            mut in_thread,
            title_starts,
            above,
            usual_gap,
            archive_author,
        } = self;
        let batch_len = all.len().div_ceil(BATCHES).max(1);
        let mut posts = Vec::with_capacity(title_starts.len());
        let mut last = title_starts.len();
        while last > 0 {
            let mut first = last - 1;
            while first > 0 && all.len() - title_starts[first] < batch_len {
                first -= 1;
            }
            let base = title_starts[first];
            let furniture_base = furniture.partition_point(|(at, _)| *at < base);
            let batch_citations = split_off_shrinking(&mut citations, base);
            let built = build_batch(Batch {
                paragraphs: &mut all[base..],
                base,
                furniture: &mut furniture[furniture_base..],
                citations: batch_citations,
                readings: &readings,
                title_starts: &title_starts[first..last],
                above: &above[first..],
                in_thread: &in_thread[base..],
                usual_gap,
                archive_author: archive_author.as_deref(),
            });
            posts.extend(built.into_iter().rev());
            // The batch leaves the lists from their end, which gives its
            // room back without moving anything: split off before the
            // build, it was copied to a list of its own.
            all.truncate(base);
            all.shrink_to_fit();
            furniture.truncate(furniture_base);
            furniture.shrink_to_fit();
            in_thread.truncate(base);
            in_thread.shrink_to_fit();
            last = first;
        }
        // The last batch's arenas, which no later batch gives back.
        crate::load::give_back_freed_memory();
        posts.reverse();
        posts
    }

    /// The same posts, a batch at a time from the archive's start, each
    /// handed to `each` as soon as it is built, for a caller that writes
    /// them in the archive's order. A post takes its text out of its
    /// paragraphs (see [`Run::into_post`]); the batch's paragraphs and
    /// furniture then leave their lists, from the front: moving what is
    /// left down costs a copy of the list per batch, and gives its room
    /// back as the batches go by, so that this phase never holds more than
    /// it started with.
    fn in_order(self, each: &mut dyn FnMut(Vec<Post>) -> ControlFlow<()>) {
        let Plan {
            mut all,
            mut furniture,
            citations,
            readings,
            in_thread,
            title_starts,
            above,
            usual_gap,
            archive_author,
        } = self;
        // What the title pass freed is of sizes the posts do not reuse.
        crate::load::give_back_freed_memory();
        let batch_len = all.len().div_ceil(BATCHES).max(1);
        let mut citations = citations.into_iter().peekable();
        // Index in the archive of `all[0]`: the paragraphs of the batches
        // built have left the list's front.
        let mut consumed = 0;
        let mut first = 0;
        while first < title_starts.len() {
            let base = title_starts[first];
            let mut last = first + 1;
            while last < title_starts.len() && title_starts[last] - base < batch_len {
                last += 1;
            }
            let end = title_starts
                .get(last)
                .copied()
                .unwrap_or(consumed + all.len());
            let furniture_end = furniture.partition_point(|(at, _)| *at < end);
            // Those before the first title belong to no post.
            drop(take_while_before(&mut citations, base));
            let built = build_batch(Batch {
                paragraphs: &mut all[base - consumed..end - consumed],
                base,
                furniture: &mut furniture[..furniture_end],
                citations: take_while_before(&mut citations, end),
                readings: &readings,
                title_starts: &title_starts[first..last],
                above: &above[first..],
                in_thread: &in_thread[base..],
                usual_gap,
                archive_author: archive_author.as_deref(),
            });
            all.drain(..end - consumed);
            all.shrink_to_fit();
            furniture.drain(..furniture_end);
            furniture.shrink_to_fit();
            consumed = end;
            if each(built).is_break() {
                return;
            }
            first = last;
        }
    }
}

/// The items of a list sorted by index from index `base` on, taken out of
/// it; the list gives back the room they took.
fn split_off_shrinking<T>(items: &mut Vec<(usize, T)>, base: usize) -> Vec<(usize, T)> {
    let tail = items.split_off(items.partition_point(|(at, _)| *at < base));
    items.shrink_to_fit();
    tail
}

/// How many batches posts are built in.
const BATCHES: usize = 16;

/// A batch of runs: consecutive posts and the archive's paragraphs from
/// the first post's title to the end of the last post.
struct Batch<'a> {
    paragraphs: &'a mut [Paragraph],
    /// Index in the archive of `paragraphs[0]`.
    base: usize,
    /// The batch's furniture, by index in the archive.
    furniture: &'a mut [(usize, Furniture)],
    /// The batch's citations, by index in the archive.
    citations: Vec<(usize, Reading)>,
    readings: &'a Readings,
    /// Indices in the archive of the batch's titles.
    title_starts: &'a [usize],
    /// The furniture above the batch's titles and every later title.
    above: &'a [Above],
    /// Which paragraphs the archive's walk put in a thread, from `base` on.
    in_thread: &'a [bool],
    usual_gap: u8,
    archive_author: Option<&'a str>,
}

/// The posts of a batch. Each post owns a run of the paragraphs, from its
/// title to the next title, and the furniture and citations in it. The
/// runs do not overlap, so posts are built on all cores, each copying its
/// text out of the paragraphs' arenas and letting its paragraphs go: an
/// arena goes with the last run that holds a paragraph of it.
fn build_batch(batch: Batch<'_>) -> Vec<Post> {
    let Batch {
        paragraphs: all,
        base,
        furniture,
        citations,
        readings,
        title_starts,
        above,
        in_thread,
        usual_gap,
        archive_author,
    } = batch;
    let end_of_batch = base + all.len();
    let mut citations = citations.into_iter().peekable();
    let mut rest = all;
    let mut rest_start = base;
    let mut furniture_rest = furniture;
    let mut runs = Vec::with_capacity(title_starts.len());
    for (n, &raw_start) in title_starts.iter().enumerate() {
        let raw_end = title_starts.get(n + 1).copied().unwrap_or(end_of_batch);
        let (_, tail) = std::mem::take(&mut rest).split_at_mut(raw_start - rest_start);
        let (paragraphs, tail) = tail.split_at_mut(raw_end - raw_start);
        rest = tail;
        rest_start = raw_end;
        // The run's furniture; what stands right above the next title is
        // that post's, not this one's.
        let before = furniture_rest.partition_point(|(at, _)| *at < raw_start);
        let end = furniture_rest.partition_point(|(at, _)| *at < raw_end);
        let (_, tail) = std::mem::take(&mut furniture_rest).split_at_mut(before);
        let (run_furniture, tail) = tail.split_at_mut(end - before);
        furniture_rest = tail;
        let own_end = raw_end - above.get(n + 1).map_or(0, |a| a.lines);
        // The thread starts at the run's comments header, or its first
        // comment where there is none: the title itself on a page that
        // opens with its thread, where the first label was taken for it.
        let thread_start = run_furniture
            .iter()
            .find(|(at, f)| *at > raw_start && matches!(f, Furniture::CommentsHeader { .. }))
            .map(|(at, _)| *at)
            .into_iter()
            .chain((raw_start..raw_end).find(|&i| in_thread[i - base]))
            .min()
            .unwrap_or(raw_end);
        runs.push(Run {
            paragraphs,
            first: raw_start,
            thread_start,
            // A title is never a citation, but the archive's first
            // paragraph is a title whatever it is.
            citations: take_while_before(&mut citations, raw_end)
                .into_iter()
                .filter(|(at, _)| *at > raw_start)
                .collect(),
            readings,
            furniture: run_furniture,
            in_thread: &in_thread[raw_start - base..raw_end - base],
            usual_gap,
            own_end,
            above: &above[n],
            archive_author,
        });
    }
    // The arenas of the batch built before this one have gone. The
    // allocator keeps their pages for later allocations of the thread
    // that split them, but this batch's posts are built on every core in
    // pages of their own: kept, they would be held beside those posts.
    // They are given back while the posts are built rather than between
    // batches, where one core would wait for the other.
    let (posts, ()) = rayon::join(
        || runs.into_par_iter().map(Run::into_post).collect(),
        crate::load::give_back_freed_memory,
    );
    posts
}

/// The furniture with the reply forms' lines ([`boundaries::reply_form_lines`])
/// as the page's chrome, in order.
fn with_reply_forms(
    all: &[Paragraph],
    furniture: Sparse<Furniture>,
    in_thread: &[bool],
) -> Sparse<Furniture> {
    let form = boundaries::reply_form_lines(all, &furniture.0, |i| in_thread[i]);
    if form.is_empty() {
        return furniture;
    }
    let mut merged = furniture.0;
    merged.extend(form.into_iter().map(|i| (i, Furniture::PageChrome)));
    merged.sort_unstable_by_key(|(at, _)| *at);
    Sparse(merged)
}

/// The known furniture and the lines learned to be furniture, in order. A
/// learned line gives what it can: a date, a "by" name, a comment count.
fn with_learned(
    all: &[Paragraph],
    known: Sparse<Furniture>,
    roles: &Sparse<Role>,
) -> Sparse<Furniture> {
    let mut merged = known.0;
    let learned: Vec<(usize, Furniture)> = roles
        .0
        .iter()
        .filter(|(i, _)| merged.binary_search_by_key(i, |(at, _)| *at).is_err())
        .map(|&(i, _)| {
            let text = &*all[i].text;
            (
                i,
                Furniture::byline(
                    furniture::author_in(text),
                    furniture::date_in(text),
                    furniture::comment_count_in(text),
                ),
            )
        })
        .collect();
    if !learned.is_empty() {
        merged.extend(learned);
        // Indices are unique: the order is the same however it is sorted.
        merged.par_sort_unstable_by_key(|(i, _)| *i);
    }
    Sparse(merged)
}

/// The archive's known furniture with its author blocks
/// ([`thread::author_blocks`]) in it: a block's lines replace whatever
/// furniture they were read as alone ("Joined: Mar 2014" as a date), and
/// whether the archive has any, to spare the later passes that ask.
fn with_author_blocks(all: &[Paragraph], known: Sparse<Furniture>) -> (Sparse<Furniture>, bool) {
    let blocks = {
        let slots = known.slots(all.len());
        thread::author_blocks(all, &|i: usize| known.at_slot(&slots, i))
    };
    if blocks.is_empty() {
        return (known, false);
    }
    let lines = thread::block_furniture(all, &blocks);
    (overridden(known, lines), true)
}

/// The known furniture with `lines` (sorted by index) in it, each in place
/// of what was known of its paragraph.
fn overridden(known: Sparse<Furniture>, lines: Vec<(usize, Furniture)>) -> Sparse<Furniture> {
    let mut merged: Vec<(usize, Furniture)> = known
        .0
        .into_iter()
        .filter(|(i, _)| lines.binary_search_by_key(i, |(at, _)| *at).is_err())
        .collect();
    merged.extend(lines);
    merged.sort_unstable_by_key(|(i, _)| *i);
    Sparse(merged)
}

/// The known furniture with the page's lists of posts
/// ([`post_lists::post_lists`]) in it: their lines are page chrome, a date
/// under a listed title too.
fn with_post_lists(all: &[Paragraph], known: Sparse<Furniture>) -> Sparse<Furniture> {
    let headings: Vec<usize> = all
        .par_iter()
        .enumerate()
        .filter(|(_, p)| post_lists::is_post_list_heading(&p.text))
        .map(|(i, _)| i)
        .collect();
    if headings.is_empty() {
        return known;
    }
    let lists = {
        let slots = known.slots(all.len());
        post_lists::post_lists(all, &headings, |i| known.at_slot(&slots, i))
    };
    if lists.is_empty() {
        return known;
    }
    overridden(known, lists)
}

/// The known furniture with the captions that name their posts
/// ([`captions::naming_captions`]) and the labels over titles
/// ([`captions::picture_labels`]) in it.
fn with_naming_captions(all: &[Paragraph], known: Sparse<Furniture>) -> Sparse<Furniture> {
    let captions = {
        let slots = known.slots(all.len());
        let known_at = |i: usize| known.at_slot(&slots, i).is_some();
        let mut found = captions::naming_captions(all, known_at);
        let labels = captions::picture_labels(all, |i| {
            known_at(i) || found.binary_search_by_key(&i, |(at, _)| *at).is_ok()
        });
        found.extend(labels);
        found
    };
    if captions.is_empty() {
        return known;
    }
    let mut merged = known.0;
    merged.extend(captions);
    merged.sort_unstable_by_key(|(i, _)| *i);
    Sparse(merged)
}

/// The known furniture with the lines that stand alone beside a date line
/// as page chrome: the rest of that dateline, never a title. A time of day
/// under it ([`furniture::is_time_of_day`]), or a weekday's name over it
/// ("Thursday" over "Jun072012": a theme that prints the day and the date
/// in boxes of their own).
fn with_times_under_dates(all: &[Paragraph], known: Sparse<Furniture>) -> Sparse<Furniture> {
    let is_known = |i: usize| known.0.binary_search_by_key(&i, |(at, _)| *at).is_ok();
    let text_at = |i: usize| all.get(i).map(|p| &*p.text);
    let mut parts: Vec<(usize, Furniture)> = known
        .0
        .iter()
        .filter(|(_, f)| matches!(f, Furniture::Date(_)))
        .flat_map(|&(at, _)| {
            let time_under =
                Some(at + 1).filter(|&under| text_at(under).is_some_and(furniture::is_time_of_day));
            let weekday_over = at.checked_sub(1).filter(|&over| {
                text_at(over)
                    .is_some_and(|text| furniture::is_weekday(text.trim_end_matches([',', '.'])))
            });
            time_under.into_iter().chain(weekday_over)
        })
        .filter(|&i| !is_known(i))
        .map(|i| (i, Furniture::PageChrome))
        .collect();
    if parts.is_empty() {
        return known;
    }
    parts.sort_unstable_by_key(|(i, _)| *i);
    parts.dedup_by_key(|(i, _)| *i);
    overridden(known, parts)
}

/// The known furniture with the writers' names a listing prints glued over
/// each teaser, under the title and a blank line, the title under its
/// date ("May 4, 2011" / "" / "Harper lays a trap" / "" / "Jo Lee" /
/// "Should any party…"), as bylines. A name alone is no byline by its
/// shape (a heading of capitalised words has it too: "Main Course",
/// "Next Steps"), so the date must say a post opens on the line above, the
/// place must recur, and a writer must come back: two such names or more,
/// one of them twice. A line of one word over a short headline, or one
/// that comes back there, is a section's name ("Harbour" / "" / "Open
/// Thread" / "Tonight…"), not a title.
fn with_names_under_titles(all: &[Paragraph], known: Sparse<Furniture>) -> Sparse<Furniture> {
    let slots = known.slots(all.len());
    let is_known = |i: usize| known.at_slot(&slots, i).is_some();
    let stands_alone = |i: usize| {
        i.checked_sub(1)
            .is_none_or(|above| all[above].gap_after() > 0)
    };
    let mut names: Vec<usize> = (1..all.len().saturating_sub(1))
        .into_par_iter()
        .filter(|&i| {
            let (title, name, text) = (&all[i - 1], &all[i], &all[i + 1]);
            // Cheap tests first: most paragraphs are long, or have a blank
            // line under them.
            name.text.len() <= 40
                && name.gap_after() == 0
                && title.gap_after() > 0
                && !name.is_list_item()
                && name.text.split_whitespace().nth(1).is_some()
                && furniture::looks_like_name(&name.text)
                && stands_alone(i - 1)
                && !title.is_list_item()
                // A section's name over a headline is a word ("Harbour").
                && title.text.split_whitespace().nth(1).is_some()
                && title.text.len() <= 160
                && !title.text.ends_with(['.', ':', ',', ';'])
                && title.text.starts_with(|c: char| !c.is_lowercase())
                && segment::is_prose(&text.text)
                && i.checked_sub(2).is_some_and(|date| {
                    matches!(known.at_slot(&slots, date), Some(Furniture::Date(_)))
                })
                && !is_known(i - 1)
                && !is_known(i)
                && !is_known(i + 1)
        })
        .collect();
    let repeats = |at: &dyn Fn(usize) -> usize| {
        let mut texts: Vec<&str> = names.iter().map(|&i| &*all[at(i)].text).collect();
        texts.sort_unstable();
        texts.windows(2).any(|pair| pair[0] == pair[1])
    };
    // Titles differ from post to post; a line over the headline that
    // comes back is a section's name ("Weekend Edition" / "Open Thread").
    if !repeats(&|name| name) || repeats(&|name| name - 1) {
        return known;
    }
    names.sort_unstable();
    let bylines = names
        .into_iter()
        .map(|i| {
            let name = all[i].text.trim().to_string();
            (i, Furniture::byline(Some(name), None, None))
        })
        .collect();
    overridden(known, bylines)
}

/// Whether `at`, an index at or after every one `ahead` has given, is the
/// next index of `ahead` (sorted): those below `at` are passed over.
fn next_is(ahead: &mut std::iter::Peekable<impl Iterator<Item = usize>>, at: usize) -> bool {
    while ahead.next_if(|&next| next < at).is_some() {}
    ahead.next_if_eq(&at).is_some()
}

/// Takes from a list sorted by index the items whose index is below `end`.
fn take_while_before<T>(
    items: &mut std::iter::Peekable<impl Iterator<Item = (usize, T)>>,
    end: usize,
) -> Vec<(usize, T)> {
    std::iter::from_fn(|| items.next_if(|(at, _)| *at < end)).collect()
}

/// "… Continue reading →", "[…] Read more »": a teaser's text ends here,
/// and so does its post.
fn ends_with_teaser_link(text: &str) -> bool {
    teaser_link_at(text).is_some()
}

/// A teaser's closing link at the end of a paragraph.
static TEASER_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\])?\s*(?:\[\s*(?:continue\s+reading|read\s+more)\s*(?:…|\.\.\.)?\s*\]|(?:continue\s+reading|read\s+more)(?:\s*[»›→]+|\s*(?:…|\.\.\.))?)$")
        .expect("the teaser-link pattern is valid")
});

/// Where a teaser's closing link starts in `text`.
fn teaser_link_at(text: &str) -> Option<usize> {
    // Every paragraph is asked: only those whose last word, less the
    // arrows, dots and bracket a link may end in, is "reading" or "more" are
    // searched, without copying them.
    if text.len() < 40 {
        return None;
    }
    let last_word = text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '»' | '›' | '→' | '…' | '.' | ']')
    });
    let ends_with = |word: &[u8]| {
        last_word.len() >= word.len()
            && last_word.as_bytes()[last_word.len() - word.len()..].eq_ignore_ascii_case(word)
    };
    if !(ends_with(b"reading") || ends_with(b"more")) {
        return None;
    }
    let tail = &text.as_bytes()[text.len().saturating_sub(30)..];
    let has = |word: &[u8]| {
        tail.windows(word.len())
            .any(|w| w.eq_ignore_ascii_case(word))
    };
    if !(has(b"reading") || has(b"more")) {
        return None;
    }
    TEASER_LINK.find(text).map(|m| m.start())
}

/// One post's share of the archive, before its blocks are made.
struct Run<'a> {
    /// The archive's paragraphs from the title to the next post.
    paragraphs: &'a mut [Paragraph],
    /// Index in the archive of `paragraphs[0]`, the title.
    first: usize,
    /// Index in the archive where the comment thread starts (the run's end
    /// when it has none).
    thread_start: usize,
    /// Citations of the run, by index in the archive.
    citations: Vec<(usize, Reading)>,
    readings: &'a Readings,
    /// Furniture of the run, by index in the archive.
    furniture: &'a mut [(usize, Furniture)],
    /// Which of the run's paragraphs the archive's walk put in a thread.
    in_thread: &'a [bool],
    /// The archive's usual number of blank lines between paragraphs.
    usual_gap: u8,
    /// Index in the archive where the run's own furniture ends: what
    /// follows is the next post's, printed above its title.
    own_end: usize,
    /// What the furniture above the title says.
    above: &'a Above,
    /// The author an author archive's header names.
    archive_author: Option<&'a str>,
}

impl Run<'_> {
    /// The post: its text taken out of the archive, its blocks given their
    /// kinds and sources, its comments read.
    fn into_post(self) -> Post {
        let Run {
            paragraphs,
            first,
            thread_start,
            citations,
            readings,
            furniture,
            in_thread,
            usual_gap,
            own_end,
            above,
            archive_author,
        } = self;
        let find_furniture = |furniture: &[(usize, Furniture)], i: usize| {
            furniture.binary_search_by_key(&i, |(at, _)| *at).ok()
        };
        let furniture_at = |i: usize| find_furniture(furniture, i).map(|found| &furniture[found].1);
        let mut citations = citations.into_iter().peekable();
        // The source a paragraph cites, read as the title pass read it.
        let mut take_citation = |i: usize, text: &str| {
            citations
                .next_if(|(at, _)| *at <= i)
                .filter(|(at, _)| *at == i)
                .and_then(|(_, reading)| readings.source(reading, text))
        };
        // A post whose title the page left out, opening with prose, takes
        // the title its comments header names ("45 Responses to “today”").
        let opens_on_header = matches!(furniture_at(first), Some(Furniture::CommentsHeader { .. }));
        // A post that opens on a picture's caption takes the title it
        // names: the page lost the title line under it.
        let caption_title = match furniture_at(first) {
            Some(Furniture::Caption { named }) => Some(named.text(&paragraphs[0].text).to_string()),
            _ => None,
        };
        let named_title = caption_title.or_else(|| {
            (!heads_something(&paragraphs[0].text) || opens_on_header)
                .then(|| {
                    furniture.iter().find_map(|(at, f)| {
                        matches!(f, Furniture::CommentsHeader { .. })
                            .then(|| furniture::title_in_header(&paragraphs[at - first].text))
                            .flatten()
                            .map(str::to_string)
                    })
                })
                .flatten()
        });
        // A page that prints no title, whose first paragraph was taken for
        // one: the paragraph stays the post's text, under a title made of
        // its first words.
        // A first line that leads in to what follows ("Jo Lee writes:")
        // heads no post: the title is made of the prose it leads in to.
        let made_title =
            (named_title.is_none() && thread_start != first && furniture_at(first).is_none())
                .then(|| {
                    segment::title_for_untitled(&paragraphs[0].text).or_else(|| {
                        let led_in = first + 1;
                        // "Health Care:" under the post's date: a title
                        // written as a lead-in, which a heading's words say.
                        let heading = above.date.is_some()
                            && segment::is_lead_in_heading(&paragraphs[0].text);
                        (paragraphs[0].text.ends_with(':')
                            && !heading
                            && led_in < thread_start
                            && furniture_at(led_in).is_none())
                        .then(|| segment::title_for_untitled(&paragraphs[1].text))
                        .flatten()
                    })
                })
                .flatten();
        let made_title_used = made_title.is_some();
        // A title the page printed in quotes ("“Tolls up again”") reads as
        // a quotation, not a title: the header names it, and it is no text.
        let named_title_printed = named_title.as_deref().is_some_and(|named| {
            furniture_at(first).is_none()
                && paragraphs[0].text.starts_with(['"', '“', '‘', '\''])
                && boundaries::names_the_same(&paragraphs[0].text, named)
                && paragraphs[0]
                    .text
                    .chars()
                    .filter(|c| c.is_alphanumeric())
                    .count()
                    == named.chars().filter(|c| c.is_alphanumeric()).count()
        });
        let body_start = if (named_title.is_some() && !named_title_printed) || made_title.is_some()
        {
            first
        } else {
            first + 1
        };
        // The body is every paragraph before the thread that is not
        // furniture: the run's furniture is walked beside it rather than
        // searched for each paragraph, and the list is made at its size (a
        // long post's list, grown by doubling, was copied several times).
        // (A thread that opens on the title leaves no body.)
        let body_end = thread_start.max(body_start);
        let body_furniture = {
            let from = furniture.partition_point(|(at, _)| *at < body_start);
            let to = furniture.partition_point(|(at, _)| *at < body_end);
            &furniture[from..to]
        };
        let mut body: Vec<Body> =
            Vec::with_capacity((body_end - body_start).saturating_sub(body_furniture.len()));
        let mut furniture_ahead = body_furniture.iter().map(|(at, _)| *at).peekable();
        for i in body_start..body_end {
            if next_is(&mut furniture_ahead, i) {
                continue;
            }
            let paragraph = std::mem::take(&mut paragraphs[i - first]);
            let citation = take_citation(i, &paragraph.text);
            body.push(Body {
                paragraph,
                citation,
            });
        }
        if let Some(last) = body.last_mut() {
            strip_teaser_link(&mut last.paragraph);
        }
        // A title that opens the thread is also its first comment's label
        // or text: the title is a copy.
        let title_in_thread = (thread_start == first).then(|| String::from(&*paragraphs[0].text));
        let thread_furniture =
            &furniture[furniture.partition_point(|(at, _)| *at < thread_start)..];
        let mut thread_furniture = thread_furniture.iter().peekable();
        let thread_items: Vec<thread::Item<'_>> = (thread_start..first + paragraphs.len())
            .map(|i| {
                let paragraph = &paragraphs[i - first];
                while thread_furniture.next_if(|(at, _)| *at < i).is_some() {}
                thread::Item {
                    text: &paragraph.text,
                    marker: paragraph.marker(),
                    indent: paragraph.indent(),
                    furniture: thread_furniture
                        .next_if(|(at, _)| *at == i)
                        .map(|(_, found)| found),
                    after_wide_gap: i > first && paragraphs[i - first - 1].gap_after() > usual_gap,
                    glued_above: i > first && paragraphs[i - first - 1].gap_after() == 0,
                    in_thread: in_thread[i - first],
                }
            })
            .collect();
        let planned = thread::plan(&thread_items);
        drop(thread_items);
        // A comment's time, from its line.
        let date_of = |item: usize, paragraphs: &[Paragraph]| {
            let i = thread_start + item;
            match furniture_at(i) {
                Some(Furniture::Date(date)) => {
                    Some(date.text(&paragraphs[i - first].text).to_string())
                }
                _ => None,
            }
        };
        let comments = planned
            .into_iter()
            .enumerate()
            .map(|(n, plan)| {
                let mut body: Vec<Body> = plan
                    .text
                    .iter()
                    .map(|&item| {
                        let i = thread_start + item;
                        let paragraph = std::mem::take(&mut paragraphs[i - first]);
                        let citation = take_citation(i, &paragraph.text);
                        Body {
                            paragraph,
                            citation,
                        }
                    })
                    .collect();
                if plan.opened_by_marker
                    && let Some(opening) = body.first_mut()
                {
                    opening.paragraph.clear_marker();
                    // The name before the text is the comment's author.
                    if plan.text_from > 0 {
                        opening.paragraph.text.narrow(plan.text_from..);
                    }
                }
                let (blocks, sources) = blocks(body);
                Comment {
                    id: comment_id(n + 1),
                    // Parents come before their replies, so the index fits.
                    parent: plan.parent.map(|p| p as u32),
                    author: plan.author,
                    date: plan
                        .date
                        .or_else(|| plan.date_at.and_then(|at| date_of(at, paragraphs))),
                    label: plan.label,
                    blocks,
                    sources,
                }
            })
            .collect();
        // A comment's time is not the post's date; the header's count is
        // the post's.
        let about = PostFurniture::of(
            furniture
                .iter()
                .filter(|(at, f)| {
                    (*at < thread_start || matches!(f, Furniture::CommentsHeader { .. }))
                        && *at < own_end
                })
                .map(|(at, f)| (f, &*paragraphs[at - first].text)),
        );
        let title = named_title
            .or(made_title)
            .or(title_in_thread)
            .unwrap_or_else(|| String::from(std::mem::take(&mut paragraphs[0].text)));
        let title = if made_title_used {
            title
        } else {
            bare_title_repeated(title, &mut body)
        };
        let title = without_glued_trail(title);
        let dateless = above.date.is_none() && about.date.is_none();
        let (title, glued) = dateline_run_into_title(title, dateless);
        // What is left of the run (furniture, labels) lets its arenas go
        // now rather than with the whole batch.
        for paragraph in paragraphs.iter_mut() {
            paragraph.text = Default::default();
        }
        let in_text = author_in_text(&mut body);
        let (blocks, post_sources) = blocks(body);
        let author = about
            .author
            .or_else(|| above.author.clone())
            .or_else(|| glued.as_ref().and_then(|g| g.author.clone()))
            .or(in_text)
            .or_else(|| first_contributor(&blocks))
            .or_else(|| signed_by(&blocks))
            .or_else(|| archive_author.map(str::to_string));
        Post {
            id: slug(&title).into(),
            title,
            author,
            date: above
                .date
                .clone()
                .or(about.date)
                .or_else(|| glued.as_ref().and_then(|g| g.date.clone()))
                .or_else(|| above.day.clone()),
            tags: about.tags,
            blocks,
            sources: post_sources,
            comment_count: about
                .comment_count
                .or_else(|| glued.and_then(|g| g.comment_count)),
            comments,
            ..Default::default()
        }
    }
}

/// A title with its dateline run into it, as a scrape joins a listing's
/// link and the line under it: "Big Three Bail Out? Posted 1/13/2009 at
/// 10:11 a.m. 0 comments" is the title "Big Three Bail Out?" and what
/// the dateline says. Only a whole line of furniture after "Posted" is
/// cut off; a title that speaks of posting keeps its words. A date with
/// no "Posted" before it ("Feel Free To Disagree January 7, 2014", "…
/// Election March 15, 2017, No Comments") is cut off only from the title
/// of a post that has no date of its own (`dateless`), and not after a
/// word that needs what follows it ("Minutes of the meeting held on").
///
/// Accepts those; keeps "Posted to the wrong address", "Why I posted it"
/// and "Letters Posted 3 Days Late" whole.
fn dateline_run_into_title(title: String, dateless: bool) -> (String, Option<PostFurniture>) {
    if title.len() > 200 {
        return (title, None);
    }
    let dated_from = |at: usize| {
        let word = title[at + 1..].split([' ', ',']).next().unwrap_or("");
        dateless
            && (furniture::is_month(word.trim_end_matches('.')) || furniture::is_weekday(word))
            && !segment::item_reads_on(title[..at].trim_end())
    };
    let cut = title
        .match_indices(' ')
        .filter(|&(at, _)| title[at + 1..].starts_with("Posted ") || dated_from(at))
        .find_map(|(at, _)| {
            let tail = &title[at + 1..];
            let found = furniture::recognise(tail)
                .filter(|f| matches!(f, Furniture::Date(_) | Furniture::Byline(_)))?;
            let head = title[..at].trim_end_matches([' ', ',', '-', '–', '—', '|']);
            let mut glued = PostFurniture::of(std::iter::once((&found, tail)));
            // A date's line keeps no count of its own: it is read here.
            glued.comment_count = glued
                .comment_count
                .or_else(|| furniture::comment_count_in(tail));
            (!head.is_empty()).then_some((head.len(), glued))
        });
    match cut {
        Some((len, glued)) => {
            let mut title = title;
            title.truncate(len);
            (title, Some(glued))
        }
        None => (title, None),
    }
}

/// A comment's id from its place in the thread, from 1: "c1", "c12". Made
/// by hand rather than by `format!`, whose machinery cost as much as the
/// rest of a short comment's making: every comment of an archive has one.
fn comment_id(number: usize) -> String {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = number;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let mut id = String::with_capacity(1 + digits.len() - start);
    id.push('c');
    id.extend(digits[start..].iter().map(|&digit| char::from(digit)));
    id
}

/// A byline the post's text opens with: a name in parentheses before the
/// first words ("(Jane Roe) The trial…"), which leaves the text, or an
/// author box ("Jane Roe", "About Jane Roe", a biography), whose two lines
/// leave it.
fn author_in_text(body: &mut Vec<Body>) -> Option<String> {
    let first = body.first_mut()?;
    if let Some((name, rest)) = furniture::opening_byline(&first.paragraph.text) {
        let name = name.to_string();
        first.paragraph.text.narrow(rest..);
        return Some(name);
    }
    let name = match body.get(..2) {
        Some([name, about]) => {
            furniture::author_box(&name.paragraph.text, &about.paragraph.text)?.to_string()
        }
        _ => return None,
    };
    body.drain(..2);
    Some(name)
}

/// The title without the label a forum prints before it ("Thread: …")
/// where the post's text opens on the bare title
/// ([`page_header::title_after_its_label`]): that first line leaves the
/// text.
fn bare_title_repeated(title: String, body: &mut Vec<Body>) -> String {
    let Some(at) = body
        .first()
        .and_then(|first| page_header::title_after_its_label(&title, &first.paragraph.text))
    else {
        return title;
    };
    body.remove(0);
    title[at..].to_string()
}

/// The title without the page's breadcrumb trail glued to its front
/// ([`page_header::title_after_glued_trail`]).
fn without_glued_trail(title: String) -> String {
    match page_header::title_after_glued_trail(&title) {
        Some(at) => title[at..].to_string(),
        None => title,
    }
}

/// Drops a teaser's closing link ("… Continue reading →") from its text.
fn strip_teaser_link(paragraph: &mut Paragraph) {
    if let Some(at) = teaser_link_at(&paragraph.text) {
        let kept = paragraph.text[..at].trim_end().len();
        if kept > 0 {
            paragraph.text.narrow(..kept);
        }
    }
}

/// What a post's furniture says about it.
#[derive(Debug, Default)]
struct PostFurniture {
    author: Option<String>,
    date: Option<String>,
    tags: Vec<String>,
    comment_count: Option<u32>,
}

impl PostFurniture {
    /// The first author, date and comment count the furniture gives, and
    /// every tag it lists.
    fn of<'a>(furniture: impl Iterator<Item = (&'a Furniture, &'a str)>) -> Self {
        let mut out = PostFurniture::default();
        for (item, line) in furniture {
            out.comment_count = out.comment_count.or(item.comment_count());
            match item {
                Furniture::Byline(byline) => {
                    out.author = out.author.take().or_else(|| byline.author.clone());
                    out.date = out.date.take().or_else(|| byline.date.clone());
                    out.add_tags(&byline.tags);
                }
                Furniture::Date(date) => {
                    out.date = out
                        .date
                        .take()
                        .or_else(|| Some(date.text(line).to_string()))
                }
                Furniture::AuthorBlock {
                    head: Some(head), ..
                } => {
                    out.author = out.author.take().or_else(|| head.author.clone());
                    out.date = out.date.take().or_else(|| head.date.clone());
                }
                Furniture::AuthorBox(author) => {
                    out.author = out
                        .author
                        .take()
                        .or_else(|| Some(author.text(line).to_string()));
                }
                Furniture::Tags(line) => out.add_tags(&line.tags),
                _ => {}
            }
        }
        out
    }

    fn add_tags(&mut self, tags: &[String]) {
        for tag in tags {
            if !self.tags.contains(tag) {
                self.tags.push(tag.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_lines_that_lead_on;
#[cfg(test)]
mod tests_post_pages;
