//! The plain-text importer (placeholder until segmentation lands).

use super::clean::clean;
use super::load::LoadError;
use super::{Block, BlockKind, Post, slug};

pub fn parse(_name: &str, content: &str) -> Result<Vec<Post>, LoadError> {
    let paragraphs: Vec<String> = content
        .split("\n\n")
        .map(clean)
        .filter(|p| !p.is_empty())
        .collect();
    let Some((title, rest)) = paragraphs.split_first() else {
        return Ok(vec![]);
    };
    Ok(vec![Post {
        id: slug(title),
        title: title.clone(),
        author: None,
        date: None,
        topics: vec![],
        blocks: rest
            .iter()
            .map(|p| Block::new(BlockKind::Paragraph, p.clone()))
            .collect(),
        sources: vec![],
    }])
}
