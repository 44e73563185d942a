//! The wasm's memory allocator: blocks of power-of-two sizes, a free list per size, memory
//! taken from `memory.grow` and never given back (wasm memory cannot shrink).
//!
//! The standard library's dlmalloc cost the widget's wasm about 8 kB raw (malloc alone
//! 4.8 kB); this is a few hundred bytes. Allocation and freeing are O(1) (a list pop or
//! push, else a bump of the heap's end); a block is reused only for its own size class,
//! so the steady state of a chart redrawn over and over (the soak test) allocates no
//! new memory, while a block may be up to twice what was asked for. Single-threaded,
//! as wasm32-unknown-unknown is without atomics.
//!
//! Why not a crate: lol_alloc (the maintained small wasm allocator; wee_alloc is unmaintained
//! and leaks) documents its FreeListAllocator as O(length of the free list) per allocation
//! and free, and a 10,000-bar chart frees tens of thousands of small strings per update;
//! its LeakingAllocator never reuses memory, which the soak test would see grow.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;

/// Size classes 2^3 … 2^31 bytes.
const CLASSES: usize = 32;
/// A wasm page.
const PAGE: usize = 65_536;
/// Blocks are aligned to their size, up to this: enough for any alignment a type asks
/// for (a larger one is its own class, as the size is at least the alignment).
const MAX_ALIGN: usize = 4096;

struct Heap {
    /// The first free block of each class (0: none); a free block holds the next one.
    free: [usize; CLASSES],
    /// Where the next new block may start.
    next: usize,
    /// The end of the memory this heap owns.
    end: usize,
}

/// The allocator (see the module's comment).
pub struct PowerOfTwoHeap(UnsafeCell<Heap>);

// wasm32-unknown-unknown runs one thread: the heap is never shared between threads.
unsafe impl Sync for PowerOfTwoHeap {}

#[global_allocator]
static HEAP: PowerOfTwoHeap = PowerOfTwoHeap(UnsafeCell::new(Heap { free: [0; CLASSES], next: 0, end: 0 }));

/// The class of a block for `layout`: its size is 2^class ≥ both size and alignment.
fn class(layout: Layout) -> Option<usize> {
    let n = layout.size().max(layout.align()).max(8).checked_next_power_of_two()?;
    let k = n.trailing_zeros() as usize;
    (k < CLASSES).then_some(k)
}

impl Heap {
    /// A new block of 2^k bytes at the heap's end, growing memory as needed.
    fn carve(&mut self, k: usize) -> *mut u8 {
        let size = 1usize << k;
        let align = size.min(MAX_ALIGN);
        loop {
            let start = match self.next.checked_add(align - 1) {
                Some(s) => s & !(align - 1),
                None => return std::ptr::null_mut(),
            };
            let Some(end) = start.checked_add(size) else { return std::ptr::null_mut() };
            if end <= self.end {
                self.next = end;
                return start as *mut u8;
            }
            let pages = (end - self.end).div_ceil(PAGE);
            let prev = core::arch::wasm32::memory_grow(0, pages);
            if prev == usize::MAX {
                return std::ptr::null_mut();
            }
            let base = prev * PAGE;
            if base != self.end {
                // The first growth (or memory grown by someone else): start afresh at the
                // old end of memory.
                self.next = base;
            }
            self.end = base + pages * PAGE;
        }
    }
}

unsafe impl GlobalAlloc for PowerOfTwoHeap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let Some(k) = class(layout) else { return std::ptr::null_mut() };
        // SAFETY: one thread, and no allocator call re-enters another.
        let heap = unsafe { &mut *self.0.get() };
        let head = heap.free[k];
        if head != 0 {
            // SAFETY: a free block of this class holds the address of the next one.
            heap.free[k] = unsafe { *(head as *const usize) };
            return head as *mut u8;
        }
        heap.carve(k)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let Some(k) = class(layout) else { return };
        // SAFETY: as in alloc; ptr is a block of class k (its layout gave it that class),
        // at least 8 bytes long and aligned for a usize.
        let heap = unsafe { &mut *self.0.get() };
        unsafe { *(ptr as *mut usize) = heap.free[k] };
        heap.free[k] = ptr as usize;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // The same class: the block already has room.
        if let Ok(new) = Layout::from_size_align(new_size, layout.align()) {
            if class(new).is_some() && class(new) == class(layout) {
                return ptr;
            }
            // SAFETY: the caller's contract for realloc.
            let out = unsafe { self.alloc(new) };
            if !out.is_null() {
                // SAFETY: both blocks are at least min(old, new) bytes and distinct.
                unsafe {
                    std::ptr::copy_nonoverlapping(ptr, out, layout.size().min(new_size));
                    self.dealloc(ptr, layout);
                }
            }
            return out;
        }
        std::ptr::null_mut()
    }
}
