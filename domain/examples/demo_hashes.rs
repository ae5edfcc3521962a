//! Prints salted Argon2id hashes of the demo password, one per demo user,
//! in the form `src/demo_hashes.in` holds. Salts come from /dev/urandom.
//!
//! cargo run --release -p portal-domain --example demo_hashes > domain/src/demo_hashes.in

use portal_domain::demo::DEMO_USERS;
use portal_domain::PasswordHash;
use std::io::Read;

fn main() {
    let mut urandom = std::fs::File::open("/dev/urandom").expect("/dev/urandom is readable");
    println!("[");
    for user in DEMO_USERS.iter() {
        let mut salt = [0u8; 16];
        urandom.read_exact(&mut salt).expect("16 random bytes");
        let hash = PasswordHash::create("Demo!2026", salt).expect("hashing works");
        println!("    // {}", user.email);
        println!("    {:?},", hash.as_phc());
    }
    println!("]");
}
