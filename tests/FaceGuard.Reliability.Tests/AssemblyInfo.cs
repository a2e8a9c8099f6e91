// These tests measure the service: its capacity, its memory, what it does under a burst. Run side by side they would
// be each other's noise, so the classes of this assembly run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
