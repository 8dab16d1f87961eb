//! Post furniture.
