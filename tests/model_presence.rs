//! Presence: announcements survive the wire, anything else is ignored, and the table forgets
//! those who leave or go quiet.

use radslag::model::presence::{Announcement, PresenceTable, EXPIRY_MS};
use radslag::model::ItemId;

fn anna_at(item: ItemId) -> Announcement {
    Announcement { name: "Anna Lärk Ståhlberg".into(), item: Some(item) }
}

#[test]
fn an_announcement_round_trips_and_garbage_is_ignored() {
    let item = ItemId::random();
    let a = anna_at(item);
    assert_eq!(Announcement::decode(&a.encode()), Some(a));
    let leaving = Announcement { name: "Bo".into(), item: None };
    assert_eq!(Announcement::decode(&leaving.encode()), Some(leaving));

    // Not CBOR, CBOR but not a map, another app's presence, a blank name, a bad item id.
    assert_eq!(Announcement::decode(b"\xff\x00garbage"), None);
    let mut other = Vec::new();
    ciborium::into_writer(&ciborium::Value::Text("hello".into()), &mut other).unwrap();
    assert_eq!(Announcement::decode(&other), None);
    let foreign = ciborium::Value::Map(vec![(ciborium::Value::Text("cursor".into()), ciborium::Value::Integer(3.into()))]);
    let mut bytes = Vec::new();
    ciborium::into_writer(&foreign, &mut bytes).unwrap();
    assert_eq!(Announcement::decode(&bytes), None);
    let blank = Announcement { name: "  ".into(), item: Some(item) };
    assert_eq!(Announcement::decode(&blank.encode()), None);
    let mut bad_item = Vec::new();
    let map = ciborium::Value::Map(vec![
        (ciborium::Value::Text("type".into()), ciborium::Value::Text("radslag/presence/1".into())),
        (ciborium::Value::Text("name".into()), ciborium::Value::Text("Eva".into())),
        (ciborium::Value::Text("item".into()), ciborium::Value::Text("not-a-uuid".into())),
    ]);
    ciborium::into_writer(&map, &mut bad_item).unwrap();
    assert_eq!(Announcement::decode(&bad_item), None);
}

#[test]
fn the_table_shows_who_edits_which_item_and_forgets_the_quiet() {
    let (five, seven) = (ItemId::random(), ItemId::random());
    let mut table = PresenceTable::default();
    assert!(table.heard("peer-anna", anna_at(five), 1_000));
    assert!(!table.heard("peer-anna", anna_at(five), 2_000), "a heartbeat changes nothing shown");
    assert!(table.heard("peer-bo", Announcement { name: "Bo Ek".into(), item: Some(five) }, 2_000));
    // Anna on a second device, same item: named once.
    table.heard("peer-anna-tablet", anna_at(five), 2_500);
    assert_eq!(table.editing(five), vec!["Anna Lärk Ståhlberg".to_string(), "Bo Ek".to_string()]);
    assert!(table.editing(seven).is_empty());

    // Bo moves on to item 7, then leaves.
    table.heard("peer-bo", Announcement { name: "Bo Ek".into(), item: Some(seven) }, 3_000);
    assert_eq!(table.editing(seven), vec!["Bo Ek".to_string()]);
    assert!(table.heard("peer-bo", Announcement { name: "Bo Ek".into(), item: None }, 3_500));
    assert!(table.editing(seven).is_empty());

    // Anna's laptop goes quiet; her tablet keeps announcing.
    table.heard("peer-anna-tablet", anna_at(five), 2_000 + EXPIRY_MS);
    assert!(table.expire(2_000 + EXPIRY_MS), "the laptop, last heard at 2 s, is forgotten");
    assert_eq!(table.editing(five), vec!["Anna Lärk Ståhlberg".to_string()], "the tablet is still there");
    assert!(table.expire(2_000 + 2 * EXPIRY_MS));
    assert!(table.editing(five).is_empty());
}
