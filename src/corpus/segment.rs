//! Segmentation.
