//! Topic tree derivation (placeholder).
use super::{Post, Topic};

pub fn derive(posts: &mut [Post]) -> Vec<Topic> {
    for p in posts.iter_mut() {
        p.topics = vec!["All".into()];
    }
    vec![Topic {
        name: "All".into(),
        posts: posts.iter().map(|p| p.id.clone()).collect(),
        children: vec![],
    }]
}
