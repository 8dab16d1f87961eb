//! The bundled seed archive: its posts, sources and topics, and the same
//! archive reordered and reformatted.

use pundit::import::clean::clean;
use pundit::import::text;
use pundit::load::BUNDLED;
use pundit::load::load_bundled;
use pundit::model::{BlockKind, Corpus, Post, PostId, Topic};

const TITLES: [&str; 10] = [
    "French outrage over Trump comments on Paris attack",
    "Macron: No planet B rebuke to Trump",
    "On Ardern’s fence sitting on Syrian attacks",
    "France pledges support for NZ-EU trade agreement",
    "Macron says France has proof of Syrian chemical attack",
    "GOP senators versus Trump’s TPP and trade tirades",
    "Easy win for Macron in French election",
    "The ‘Meh’ election?",
    "Macron hack dump on eve of French election",
    "More claims of Russian election interference",
];

fn titles(posts: &[Post]) -> Vec<&str> {
    posts.iter().map(|p| p.title.as_str()).collect()
}

fn parse(archive: &str) -> Vec<Post> {
    text::parse("variant", archive).expect("plain text always parses")
}

/// The seed cut into its posts' raw text, by the known titles.
fn raw_posts() -> Vec<String> {
    let lines: Vec<&str> = BUNDLED.split('\n').collect();
    let starts: Vec<usize> = TITLES
        .iter()
        .map(|title| {
            lines
                .iter()
                .position(|line| clean(line) == *title)
                .unwrap_or_else(|| panic!("{title} is in the seed"))
        })
        .collect();
    starts
        .iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(lines.len());
            lines[start..end].join("\n")
        })
        .collect()
}

fn reordered(order: &[usize]) -> (String, Vec<&'static str>) {
    let raw = raw_posts();
    let archive = order
        .iter()
        .map(|&i| raw[i].trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n\n");
    (archive, order.iter().map(|&i| TITLES[i]).collect())
}

#[test]
fn the_seed_has_its_ten_posts_with_exact_titles() {
    let corpus = load_bundled();
    assert_eq!(titles(&corpus.clone().into_posts()), TITLES);
}

/// The seed's posts in other orders, each also with NBSP as spaces, CRLF,
/// and extra blank lines between every paragraph, alone and together.
/// "Macron: No planet B rebuke to Trump" after a post that ends in a
/// citation ("The Telegraph: …") is a title, not a line of a transcript.
#[test]
fn reordered_posts_keep_their_titles() {
    let orders: [[usize; 10]; 8] = [
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
        [5, 0, 7, 2, 9, 4, 1, 8, 3, 6],
        [6, 7, 8, 9, 0, 1, 2, 3, 4, 5],
        [8, 9, 1, 0, 3, 2, 5, 4, 7, 6],
        [0, 2, 3, 4, 5, 6, 7, 9, 8, 1],
        [7, 2, 8, 1, 4, 0, 5, 9, 3, 6],
        [2, 4, 7, 5, 3, 9, 6, 8, 1, 0],
        [7, 5, 9, 6, 2, 0, 4, 3, 8, 1],
    ];
    for order in orders {
        let (archive, expected) = reordered(&order);
        let variants = [
            ("reordered", archive.clone()),
            ("NBSP as spaces", archive.replace('\u{a0}', " ")),
            ("CRLF", archive.replace('\n', "\r\n")),
            ("extra blank lines", archive.replace('\n', "\n\n")),
            (
                "all at once",
                archive
                    .replace('\u{a0}', " ")
                    .replace('\n', "\n\n")
                    .replace('\n', "\r\n"),
            ),
        ];
        for (name, variant) in variants {
            assert_eq!(
                titles(&parse(&variant)),
                expected,
                "{name}, order {order:?}"
            );
        }
    }
}

#[test]
fn reformatting_does_not_change_the_posts() {
    let plain_spaces = BUNDLED.replace('\u{a0}', " ");
    let crlf = BUNDLED.replace('\n', "\r\n");
    let extra_blank_lines = BUNDLED.replace("\n\n", "\n\n\n\n");
    let everything = plain_spaces
        .replace("\n\n", "\n \n\n")
        .replace('\n', "\r\n");
    let paragraphs: Vec<&str> = BUNDLED
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let one_per_line = paragraphs.join("\n");
    let options = textwrap::Options::new(72)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let hard_wrapped = paragraphs
        .iter()
        .map(|p| textwrap::wrap(p, &options).join("\n"))
        .collect::<Vec<_>>()
        .join("\n\n");
    for (name, archive) in [
        ("plain spaces", plain_spaces.as_str()),
        ("CRLF", crlf.as_str()),
        ("extra blank lines", extra_blank_lines.as_str()),
        ("all at once", everything.as_str()),
        ("no blank lines", one_per_line.as_str()),
        ("hard-wrapped at 72 columns", hard_wrapped.as_str()),
    ] {
        assert_eq!(titles(&parse(archive)), TITLES, "{name}");
    }
    // Wrapping loses or merges no paragraph.
    let blocks = |archive: &str| parse(archive).iter().map(|p| p.blocks.len()).sum::<usize>();
    assert_eq!(blocks(&hard_wrapped), blocks(BUNDLED));
}

#[test]
fn reordered_and_reformatted_together() {
    let (archive, expected) = reordered(&[3, 1, 4, 0, 5, 9, 2, 6, 8, 7]);
    let archive = archive.replace('\u{a0}', " ").replace('\n', "\r\n");
    assert_eq!(titles(&parse(&archive)), expected);
}

/// (outlet, headline) of every source of each post, in order.
fn sources(corpus: &Corpus) -> Vec<Vec<(Option<&str>, Option<&str>)>> {
    corpus
        .post_ids()
        .map(|p| corpus.post(p))
        .map(|p| {
            p.sources
                .iter()
                .map(|s| (s.outlet.as_deref(), s.headline.as_deref()))
                .collect()
        })
        .collect()
}

#[test]
fn the_seed_cites_its_sources() {
    let corpus = load_bundled();
    let got = sources(&corpus);
    let expected: Vec<Vec<(Option<&str>, Option<&str>)>> = vec![
        vec![
            (
                Some("RNZ"),
                Some("French outrage after US President Trump mimics Paris attackers"),
            ),
            (
                Some("Guardian"),
                Some("Trump’s knife crime comments are ridiculous, says London surgeon"),
            ),
        ],
        vec![(
            Some("RNZ"),
            Some("Macron attacks nationalism in speech to US Congress"),
        )],
        vec![(
            Some("Chris Trotter"),
            Some("Prime Minister Jacinda Ardern has a bob each way on bombing Syria"),
        )],
        vec![
            (
                Some("RNZ"),
                Some("France supports NZ-EU trade negotiations"),
            ),
            (
                Some("Stuff"),
                Some(
                    "Jacinda Ardern meets German Chancellor Angela Merkel to talk trade, education and visas",
                ),
            ),
        ],
        vec![(
            Some("BBC"),
            Some("Syria ‘chemical attack’: France’s President Macron ‘has proof’"),
        )],
        vec![
            (
                Some("CNBC"),
                Some("President Trump’s full remarks on trade deals to CNBC"),
            ),
            (
                Some("Washington Post"),
                Some(
                    "25 GOP senators urge Trump to restart TPP trade talks, a deal he called a ‘disaster’",
                ),
            ),
            (
                Some("Canadian Globe and Mail"),
                Some("Where do NAFTA talks go from here?"),
            ),
            (
                Some("Forbes"),
                Some("EU Tells Trump: No Paris Climate Deal, No Free Trade"),
            ),
        ],
        vec![(Some("The Telegraph"), None), (Some("The Guardian"), None)],
        vec![],
        vec![(
            Some("The Telegraph"),
            Some(
                "Russia blamed as Macron campaign blasts ‘massive hacking attack’ ahead of French presidential election",
            ),
        )],
        vec![(
            Some("BBC"),
            Some("Russian hackers ‘target’ presidential candidate Macron"),
        )],
    ];
    assert_eq!(got, expected);
    let easy_win = &corpus.post(PostId(6));
    assert!(
        easy_win
            .sources
            .iter()
            .all(|s| s.url.as_deref().is_some_and(|u| u.starts_with("http")))
    );
}

#[test]
fn quotes_are_tied_to_the_source_they_follow() {
    let corpus = load_bundled();
    let first = &corpus.post(PostId(0));
    let quoted_from_rnz: Vec<&str> = first
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Quote && b.source == Some(0))
        .map(|b| &*b.text)
        .collect();
    assert!(
        quoted_from_rnz
            .iter()
            .any(|t| t.starts_with("“Paris, France, has the toughest gun laws"))
    );
    // The author's own verdict after the quotes is commentary.
    let verdict = first
        .blocks
        .iter()
        .find(|b| &*b.text == "That may sum up Trump very well.")
        .unwrap();
    assert_eq!(verdict.kind, BlockKind::Paragraph);
    assert_eq!(verdict.source, None);
    // Every quote names a source the post has.
    for post in corpus.post_ids().map(|p| corpus.post(p)) {
        for block in post.blocks.iter().filter(|b| b.kind == BlockKind::Quote) {
            assert!(
                block.source().is_some_and(|s| s < post.sources.len()),
                "{}",
                block.text
            );
        }
    }
}

#[test]
fn contributors_and_lead_ins() {
    let corpus = load_bundled();
    let hack = &corpus.post(PostId(8));
    assert_eq!(hack.author.as_deref(), Some("Missy"));
    assert_eq!(hack.blocks[0].kind, BlockKind::Contributor);
    let macron = &corpus.post(PostId(1));
    let lead_ins: Vec<&str> = macron
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::LeadIn)
        .map(|b| &*b.text)
        .collect();
    assert!(lead_ins.contains(&"On trade…"), "{lead_ins:?}");
    assert!(
        lead_ins.contains(&"On isolationism, withdrawal and nationalism:"),
        "{lead_ins:?}"
    );
    let gop = &corpus.post(PostId(5));
    assert!(gop.blocks.iter().any(|b| b.kind == BlockKind::ListItem));
}

fn find<'a>(topics: &'a [Topic], name: &str) -> Option<&'a Topic> {
    topics.iter().find_map(|t| {
        if t.name == name {
            Some(t)
        } else {
            find(&t.children, name)
        }
    })
}

fn post_titles<'a>(corpus: &'a Corpus, topic: &Topic) -> Vec<&'a str> {
    topic
        .posts
        .iter()
        .map(|id| {
            corpus
                .post(corpus.post_by_id(id).expect("topic names a real post"))
                .title
                .as_str()
        })
        .collect()
}

#[test]
fn the_seed_topic_tree() {
    let corpus = load_bundled();
    let expectations: [(&str, &[usize]); 8] = [
        ("Trump", &[0, 1, 5]),
        ("Macron", &[1, 4, 6, 8]),
        ("Ardern", &[2, 3]),
        ("Syria", &[2, 4]),
        ("Russia", &[8, 9]),
        ("Trade", &[3, 5]),
        ("TPP", &[5]),
        ("French election", &[6, 8]),
    ];
    let topics = corpus.topics_by_id();
    for (name, must_hold) in expectations {
        let topic = find(&topics, name).unwrap_or_else(|| panic!("no topic {name}"));
        let held = post_titles(&corpus, topic);
        for &post in must_hold {
            assert!(
                held.contains(&TITLES[post]),
                "{name} lacks {}: {held:?}",
                TITLES[post]
            );
        }
    }
    // Subtopics sit under the theme they refine.
    assert!(find(&find(&topics, "Trade").unwrap().children, "TPP").is_some());
    assert!(
        find(
            &find(&topics, "Election").unwrap().children,
            "French election"
        )
        .is_some()
    );
    // Every post is under a topic, no topic is a stopword, order is by size.
    for post in corpus.post_ids().map(|p| corpus.post(p)) {
        assert!(!post.topics.is_empty(), "{} has no topic", post.title);
    }
    for topic in &topics {
        assert!(!["The", "He", "Said", "This", "But"].contains(&topic.name.as_str()));
    }
    let sizes: Vec<usize> = topics.iter().map(|t| t.posts.len()).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");
}

/// An archive in another blog's style: tag header, bylines with dates and
/// comment counts, "Read more »" links, a dash citation, a bare URL, a
/// contributor. Nothing in the importer knows these posts.
#[test]
fn an_archive_of_another_blog() {
    let archive = include_str!("fixtures/harbour_blog.txt");
    let posts = parse(archive);
    assert_eq!(
        titles(&posts),
        [
            "Harbour crossing: another delay",
            "Why are the buses always late?",
            "Councillors split on congestion charge",
            "Ferry fares: a modest proposal",
        ]
    );
    assert_eq!(posts[0].author.as_deref(), Some("Sam Taylor"));
    assert_eq!(posts[0].date.as_deref(), Some("8:05 am, June 3rd, 2019"));
    assert_eq!(posts[2].author.as_deref(), Some("Jo Martin"));
    let outlets: Vec<Option<&str>> = posts
        .iter()
        .map(|p| p.sources.first().and_then(|s| s.outlet.as_deref()))
        .collect();
    assert_eq!(
        outlets,
        [
            Some("NZ Herald"),
            Some("Newsroom"),
            Some("Stuff"),
            Some("RNZ")
        ]
    );
    // Furniture never shows up as text.
    for post in &posts {
        for block in &post.blocks {
            assert!(!block.text.starts_with("Read more"), "{}", block.text);
            assert!(!block.text.starts_with("Written By"), "{}", block.text);
        }
    }
    // The herald report is quoted until the author speaks again.
    let kinds: Vec<BlockKind> = posts[0].blocks.iter().map(|b| b.kind).collect();
    use BlockKind::*;
    assert_eq!(kinds, [Paragraph, Citation, Quote, Quote, Quote, Paragraph]);
    assert_eq!(
        posts[2]
            .blocks
            .iter()
            .filter(|b| b.kind == Contributor)
            .count(),
        1
    );

    // Without any furniture the shape of the text alone still finds the posts.
    let bare: String = archive
        .lines()
        .filter(|l| {
            !l.starts_with("Written By")
                && !l.starts_with("Read more")
                && !l.starts_with("Tag Archives")
        })
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(titles(&parse(&bare)), titles(&posts));

    // The same archive with its posts in another order and CRLF line ends.
    let reordered: Vec<&str> = archive.split("Read more »").collect();
    let shuffled =
        format!("{}\n\n{}\n\n{}", reordered[2], reordered[0], reordered[3]).replace('\n', "\r\n");
    assert_eq!(
        titles(&parse(&shuffled)),
        [
            "Councillors split on congestion charge",
            "Harbour crossing: another delay",
            "Ferry fares: a modest proposal",
        ]
    );
}

/// The loader shares its work between cores; what it makes must not depend
/// on how many there are.
#[test]
fn the_corpus_is_the_same_on_one_core_as_on_many() {
    // Enough copies of the seed, each under new titles, that the text is
    // split in several pieces and the posts in several shares.
    let raw = raw_posts();
    let archive: String = (1..=12)
        .flat_map(|copy| {
            raw.iter().map(move |post| {
                let (title, rest) = post.split_once('\n').expect("a post has a body");
                format!(
                    "{} number {copy}\n{}\n\n",
                    title.trim_end(),
                    rest.trim_end()
                )
            })
        })
        .collect();
    let load = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        pool.install(|| pundit::import::json::export(&Corpus::new(parse(&archive), None)))
    };
    let one = load(1);
    assert!(
        one.len() > archive.len(),
        "every post made it into the export"
    );
    assert!(one.matches("\"title\": ").count() == 120);
    assert_eq!(load(4), one);
    assert_eq!(load(7), one);
}
