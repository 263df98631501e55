/* The runtime starts its finalizer thread while it initialises, before Main: under RLIMIT_NPROC=1 that
 * thread cannot be created and the program exits 255 without a word, where execline's C programs run.
 * Our chains release what they open themselves and no object of ours has a finalizer, so that thread
 * has nothing to do in almost every process. The link wraps the runtime's two calls (-Wl,--wrap, see
 * Publish.props): at start the thread is only remembered, and it is created the first time the
 * runtime has work for it (a collection found finalizable objects, or spin waits want calibrating).
 * If it cannot be created then either, the work waits for a later try. */
#include <stdbool.h>
#include <stdint.h>

typedef uint32_t (*thread_start)(void *);

bool __real__Z23PalStartFinalizerThreadPFjPvES_(thread_start start, void *context);
void __real__Z20RhEnableFinalizationv(void);

static thread_start pending_start;
static void *pending_context;
static int started;

/* PalStartFinalizerThread(start, context): called once, while the runtime initialises. */
bool __wrap__Z23PalStartFinalizerThreadPFjPvES_(thread_start start, void *context)
{
    pending_start = start;
    pending_context = context;
    return true;
}

/* RhEnableFinalization(): wakes the finalizer thread. */
void __wrap__Z20RhEnableFinalizationv(void)
{
    if (!__atomic_load_n(&started, __ATOMIC_ACQUIRE))
    {
        int expected = 0;
        if (__atomic_compare_exchange_n(&started, &expected, 1, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)
            && !__real__Z23PalStartFinalizerThreadPFjPvES_(pending_start, pending_context))
            __atomic_store_n(&started, 0, __ATOMIC_RELEASE);
    }
    __real__Z20RhEnableFinalizationv();
}
