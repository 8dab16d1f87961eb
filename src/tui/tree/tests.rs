use super::*;
use crate::model::{Post, Source, Topic};

/// Four posts; p0 and p2 cite the BBC, p2 and p3 RNZ. "Politics" holds
/// p1 and p3 and a subtopic "Election" with p2; "Trade" holds p0.
fn corpus() -> Corpus {
    let cites = |outlets: &[&str]| {
        (outlets.iter())
            .map(|outlet| Source {
                outlet: Some(outlet.to_string()),
                ..Default::default()
            })
            .collect()
    };
    let posts = [&[][..], &["BBC"], &["BBC", "RNZ"], &["RNZ"]]
        .iter()
        .enumerate()
        .map(|(index, outlets)| Post {
            id: format!("p{index}").into(),
            title: format!("Post {index}"),
            sources: cites(outlets),
            ..Default::default()
        })
        .collect();
    let topic = |name: &str, posts: &[&str], children| Topic {
        name: name.to_string(),
        posts: posts.iter().map(|&p| p.into()).collect(),
        children,
    };
    let election = topic("Election", &["p2"], Vec::new());
    let topics = vec![
        topic("Politics", &["p1", "p3"], vec![election]),
        topic("Trade", &["p0"], Vec::new()),
    ];
    Corpus::new(posts, Some(topics))
}

/// A row as the pane shows it: indented by depth, a group by its name, a
/// post by its number.
fn shown(tree: &Tree, id: NodeId) -> String {
    let node = tree.node(id);
    let label = match node.kind {
        NodeKind::AllPosts => "All posts".to_string(),
        NodeKind::Topic { name } | NodeKind::Outlet { name } => name.to_string(),
        NodeKind::SourcesGroup => "Sources".to_string(),
        NodeKind::Post(post) => format!("p{}", post.0),
    };
    format!("{}{label}", "  ".repeat(usize::from(node.depth)))
}

fn shown_rows(tree: &Tree, rows: &[NodeId]) -> Vec<String> {
    rows.iter().map(|&id| shown(tree, id)).collect()
}

/// The group shown with `name`.
fn group(tree: &Tree, name: &str) -> NodeId {
    (tree.groups())
        .find(|&id| shown(tree, id).trim() == name)
        .expect("the group is in the tree")
}

fn expanded(tree: &Tree, names: &[&str]) -> Vec<bool> {
    let mut expanded = vec![false; tree.group_count()];
    for name in names {
        expanded[group(tree, name).0] = true;
    }
    expanded
}

#[test]
fn every_node_has_a_distinct_id_listed_once_under_its_parent() {
    let tree = Tree::build(&corpus());
    // 7 groups; 4 posts under All posts and 8 listings under the others.
    assert_eq!((tree.group_count(), tree.len()), (7, 19));
    let mut seen = vec![0; tree.len()];
    for id in (0..tree.len()).map(NodeId) {
        let parent = tree.node(id).parent;
        match parent {
            Some(parent) => {
                let under: Vec<NodeId> = tree.children(parent).collect();
                assert!(under.contains(&id), "{id:?} under {parent:?}");
                assert_eq!(tree.node(id).depth, tree.node(parent).depth + 1);
            }
            None => assert!(tree.roots().contains(&id)),
        }
        for child in tree.children(id) {
            seen[child.0] += 1;
        }
    }
    for &root in tree.roots() {
        seen[root.0] += 1;
    }
    assert!(seen.iter().all(|&times| times == 1), "{seen:?}");
}

#[test]
fn ids_are_the_same_each_time_the_tree_is_built() {
    let corpus = corpus();
    let (first, second) = (Tree::build(&corpus), Tree::build(&corpus));
    for id in (0..first.len()).map(NodeId) {
        assert_eq!(first.node(id), second.node(id));
    }
}

#[test]
fn a_post_row_hangs_under_its_group_one_level_down_without_children() {
    let tree = Tree::build(&corpus());
    let election = group(&tree, "Election");
    let row = tree.post_node_under(election, PostId(2)).expect("listed");
    assert_eq!(
        tree.node(row),
        Node {
            kind: NodeKind::Post(PostId(2)),
            parent: Some(election),
            depth: 2,
            count: None,
        }
    );
    assert!(!tree.node(row).is_group());
    assert_eq!(tree.children(row).count(), 0);
    assert!(tree.subgroups(row).is_empty());
    assert!(tree.posts_under(row).is_empty());
}

#[test]
fn groups_count_their_posts_and_sources_its_outlets() {
    let tree = Tree::build(&corpus());
    let count = |name| tree.node(group(&tree, name)).count;
    assert_eq!(count("All posts"), Some(4));
    assert_eq!(count("Politics"), Some(2));
    assert_eq!(count("Sources"), Some(2));
    assert_eq!(count("RNZ"), Some(2));
    assert_eq!(
        tree.node(group(&tree, "RNZ")).kind,
        NodeKind::Outlet { name: "RNZ" }
    );
}

#[test]
fn a_topic_shows_its_subtopics_before_its_posts() {
    let tree = Tree::build(&corpus());
    let politics = group(&tree, "Politics");
    let children: Vec<NodeId> = tree.children(politics).collect();
    assert_eq!(shown_rows(&tree, &children), ["  Election", "  p1", "  p3"]);
    assert_eq!(tree.posts_under(politics), [PostId(1), PostId(3)]);
    assert_eq!(tree.subgroups(politics), [group(&tree, "Election")]);
}

#[test]
fn visible_rows_follow_what_is_expanded() {
    let tree = Tree::build(&corpus());
    let rows = |names: &[&str]| shown_rows(&tree, &tree.visible_rows(&expanded(&tree, names)));
    assert_eq!(rows(&[]), ["All posts", "Politics", "Trade", "Sources"]);
    assert_eq!(
        rows(&["All posts", "Politics", "Election"]),
        [
            "All posts",
            "  p0",
            "  p1",
            "  p2",
            "  p3",
            "Politics",
            "  Election",
            "    p2",
            "  p1",
            "  p3",
            "Trade",
            "Sources",
        ]
    );
    // A collapsed parent hides an expanded subtopic.
    assert_eq!(
        rows(&["Election", "Sources", "RNZ"]),
        [
            "All posts",
            "Politics",
            "Trade",
            "Sources",
            "  BBC",
            "  RNZ",
            "    p2",
            "    p3"
        ]
    );
}

#[test]
fn post_node_under_finds_a_post_only_where_it_is_listed() {
    let tree = Tree::build(&corpus());
    let bbc = group(&tree, "BBC");
    let row = tree
        .post_node_under(bbc, PostId(2))
        .expect("p2 cites the BBC");
    assert_eq!(tree.node(row).kind, NodeKind::Post(PostId(2)));
    assert_eq!(tree.node(row).parent, Some(bbc));
    assert_ne!(
        Some(row),
        tree.post_node_under(group(&tree, "RNZ"), PostId(2))
    );
    assert_eq!(tree.post_node_under(bbc, PostId(3)), None);
    assert_eq!(tree.post_node_under(row, PostId(2)), None);
    assert_eq!(tree.post_node_under(bbc, PostId(99)), None);
}

#[test]
fn listings_count_every_post_row_under_its_group() {
    let tree = Tree::build(&corpus());
    let listings = tree.listings();
    for group in tree.groups() {
        let rows = tree.children(group).filter(|&id| !tree.node(id).is_group());
        let posts: Vec<PostId> = rows
            .map(|id| match tree.node(id).kind {
                NodeKind::Post(post) => post,
                kind => panic!("{kind:?} is not a post row"),
            })
            .collect();
        assert_eq!(tree.posts_under(group), posts);
        let listed: Vec<PostId> = (listings.run(group).iter())
            .map(|&post| PostId(post as usize))
            .collect();
        assert_eq!(listed, posts, "{group:?}");
    }
    assert_eq!(listings.highest(), Some(3));
}

#[test]
fn an_empty_corpus_has_only_all_posts() {
    let tree = Tree::build(&Corpus::new(Vec::new(), None));
    assert_eq!(tree.len(), 1);
    assert_eq!(tree.roots(), [tree.all_posts()]);
    assert_eq!(tree.node(tree.all_posts()).count, Some(0));
    assert_eq!(tree.visible_rows(&[true]), [tree.all_posts()]);
    assert!(tree.posts_under(tree.all_posts()).is_empty());
    assert!(tree.listings().is_empty());
}
