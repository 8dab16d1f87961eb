//! The matches of one query and the questions a reader asks of them: how
//! many, in how many posts, which to highlight here, which comes next.

use std::ops::Range;

use super::{Location, Match, Place};
use crate::model::PostId;

/// The matches of a query, in corpus order (post, then title, blocks,
/// sources, then offset).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResults {
    matches: Vec<Match>,
    /// Each post with matches and the range of `matches` that are in it.
    posts: Vec<(PostId, Range<usize>)>,
}

/// A step to a match: its index in [`SearchResults::matches`], and whether
/// getting there wrapped around the end (or the start) of the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub index: usize,
    pub wrapped: bool,
}

impl SearchResults {
    /// Results from matches already in corpus order.
    pub(crate) fn new(matches: Vec<Match>) -> Self {
        debug_assert!(matches.windows(2).all(|w| w[0].place() < w[1].place()));
        let mut posts: Vec<(PostId, Range<usize>)> = Vec::new();
        for (index, found) in matches.iter().enumerate() {
            match posts.last_mut() {
                Some((post, range)) if *post == found.post => range.end = index + 1,
                _ => posts.push((found.post, index..index + 1)),
            }
        }
        SearchResults { matches, posts }
    }

    /// Every match, in corpus order.
    pub fn matches(&self) -> &[Match] {
        &self.matches
    }

    /// The match with this index.
    pub fn get(&self, index: usize) -> Option<&Match> {
        self.matches.get(index)
    }

    /// The number of matches (the N of "match i/N").
    pub fn len(&self) -> usize {
        self.matches.len()
    }

    pub fn is_empty(&self) -> bool {
        self.matches.is_empty()
    }

    /// The number of posts with at least one match (the M of "in M posts").
    pub fn post_count(&self) -> usize {
        self.posts.len()
    }

    /// Each post with matches and how many it has, in corpus order.
    pub fn counts_per_post(&self) -> impl Iterator<Item = (PostId, usize)> + '_ {
        self.posts.iter().map(|(post, range)| (*post, range.len()))
    }

    /// The number of matches in `post` (for a count beside it in a tree).
    pub fn count_in_post(&self, post: PostId) -> usize {
        self.in_post(post).len()
    }

    /// The matches in `post`, in order.
    pub fn in_post(&self, post: PostId) -> &[Match] {
        let range = self
            .posts
            .binary_search_by_key(&post, |(id, _)| *id)
            .map_or(0..0, |at| self.posts[at].1.clone());
        &self.matches[range]
    }

    /// The matches in one field of a post (what to highlight in a title, a
    /// block or a source line), in order.
    pub fn in_field(&self, post: PostId, location: Location) -> &[Match] {
        let in_post = self.in_post(post);
        let start = in_post.partition_point(|m| m.location < location);
        let end = in_post.partition_point(|m| m.location <= location);
        &in_post[start..end]
    }

    /// The index of the match that starts exactly at `place`, if any (to
    /// mark the current match differently from the others).
    pub fn index_of(&self, place: Place) -> Option<usize> {
        self.matches.binary_search_by_key(&place, Match::place).ok()
    }

    /// The first match at or after `place`, wrapping to the first match of
    /// the corpus if there is none after it. For jumping when a search is
    /// confirmed: a match right at the reader's place is the one to show.
    pub fn first_match_at_or_after(&self, place: Place) -> Option<Step> {
        let after = self.matches.partition_point(|m| m.place() < place);
        self.forward_from(after)
    }

    /// The first match that starts after `place`, wrapping around to the first
    /// match of the corpus. From the current match's place, this is "next".
    pub fn next_match_after(&self, place: Place) -> Option<Step> {
        let after = self.matches.partition_point(|m| m.place() <= place);
        self.forward_from(after)
    }

    /// The last match that starts before `place`, wrapping around to the last
    /// match of the corpus. From the current match's place, this is "previous".
    pub fn previous_match_before(&self, place: Place) -> Option<Step> {
        let before = self.matches.partition_point(|m| m.place() < place);
        match before.checked_sub(1) {
            Some(index) => Some(Step {
                index,
                wrapped: false,
            }),
            None => self.matches.len().checked_sub(1).map(|index| Step {
                index,
                wrapped: true,
            }),
        }
    }

    fn forward_from(&self, index: usize) -> Option<Step> {
        if index < self.matches.len() {
            Some(Step {
                index,
                wrapped: false,
            })
        } else if self.matches.is_empty() {
            None
        } else {
            Some(Step {
                index: 0,
                wrapped: true,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(post: usize, block: usize, start: usize) -> Match {
        Match {
            post: PostId(post),
            location: Location::Block(block),
            range: start..start + 1,
        }
    }

    fn sample() -> SearchResults {
        SearchResults::new(vec![
            found(0, 1, 0),
            found(0, 1, 5),
            found(0, 3, 2),
            found(2, 0, 0),
        ])
    }

    fn place(post: usize, block: usize, offset: usize) -> Place {
        Place {
            post: PostId(post),
            location: Location::Block(block),
            offset,
        }
    }

    #[test]
    fn counts_matches_and_posts() {
        let results = sample();
        assert_eq!(results.len(), 4);
        assert_eq!(results.post_count(), 2);
        assert_eq!(results.count_in_post(PostId(0)), 3);
        assert_eq!(results.count_in_post(PostId(1)), 0);
        assert_eq!(results.in_field(PostId(0), Location::Block(1)).len(), 2);
        assert_eq!(
            results.counts_per_post().collect::<Vec<_>>(),
            [(PostId(0), 3), (PostId(2), 1)]
        );
    }

    #[test]
    fn steps_forward_and_back_with_wrapping() {
        let results = sample();
        let step = |index, wrapped| Some(Step { index, wrapped });
        assert_eq!(results.next_match_after(place(0, 1, 0)), step(1, false));
        assert_eq!(
            results.first_match_at_or_after(place(0, 1, 0)),
            step(0, false)
        );
        assert_eq!(results.next_match_after(place(2, 0, 0)), step(0, true));
        assert_eq!(
            results.previous_match_before(place(0, 1, 5)),
            step(0, false)
        );
        assert_eq!(results.previous_match_before(place(0, 1, 0)), step(3, true));
        assert_eq!(
            results.next_match_after(Place::start_of(PostId(1))),
            step(3, false)
        );
        assert_eq!(results.index_of(place(0, 3, 2)), Some(2));
        assert_eq!(
            SearchResults::default().next_match_after(place(0, 0, 0)),
            None
        );
        assert_eq!(
            SearchResults::default().previous_match_before(place(0, 0, 0)),
            None
        );
    }
}
