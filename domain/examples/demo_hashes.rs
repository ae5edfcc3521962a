//! Prints a salted Argon2id hash of the demo password, the form
//! `DEMO_PASSWORD_HASH` in `src/demo.rs` holds. The salt comes from
//! /dev/urandom.
//!
//! cargo run --release -p portal-domain --example demo_hashes

use portal_domain::PasswordHash;
use std::io::Read;

fn main() {
    let mut urandom = std::fs::File::open("/dev/urandom").expect("/dev/urandom is readable");
    let mut salt = [0u8; 16];
    urandom.read_exact(&mut salt).expect("16 random bytes");
    let hash = PasswordHash::create("Demo!2026", salt).expect("hashing works");
    println!("{:?}", hash.as_phc());
}
