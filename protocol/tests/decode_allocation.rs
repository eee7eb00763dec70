//! Decoding the largest frame a peer may send costs less than twice its size in memory: the
//! message's shape is checked before values are built, and the payload is held once.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use radslag_protocol::wire::MAX_FRAME_BYTES;
use radslag_protocol::{DocumentId, Message, PeerId};

/// The system allocator, counting the bytes live now and the most live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
        PEAK.fetch_max(live, Ordering::SeqCst);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

#[test]
fn decoding_a_maximal_frame_allocates_less_than_twice_its_size() {
    let peer = |s: &str| PeerId::new(s).expect("peer id");
    let sync = Message::Sync { sender: peer("member"), target: peer("relay"), document: DocumentId::from_bytes([1; 16]), data: vec![0x42; MAX_FRAME_BYTES - 200] };
    let frame = sync.encode();
    assert!(frame.len() <= MAX_FRAME_BYTES && frame.len() > MAX_FRAME_BYTES - 1024, "a frame of the largest size: {}", frame.len());

    let before = LIVE.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let decoded = Message::decode(&frame).expect("decoded");
    let peak = PEAK.load(Ordering::SeqCst) - before;
    eprintln!("decoding a {} byte frame allocated at most {} bytes at once ({:.2}×)", frame.len(), peak, peak as f64 / frame.len() as f64);
    assert!(peak < 2 * frame.len(), "peak {peak} bytes for a {} byte frame", frame.len());
    assert_eq!(decoded, sync);
}
