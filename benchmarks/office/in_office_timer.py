# Runs inside soffice (Python script provider, user profile): times calculateAll() without the UNO round trip.
import time


def recalc_times(url, runs, clock=time.perf_counter):
    desktop = XSCRIPTCONTEXT.getDesktop()  # noqa: F821  (given by the script provider)
    components = desktop.getComponents().createEnumeration()
    while components.hasMoreElements():
        doc = components.nextElement()
        if doc.getURL() == url:
            times = []
            for _ in range(int(runs)):
                start = clock()
                doc.calculateAll()
                times.append(clock() - start)
            return tuple(times)
    raise RuntimeError("document not loaded: " + url)


def recalc_cpu_times(url, runs):
    """The processor time of the office (all its threads) spent by each calculateAll: the work done, which other
    processes of a loaded machine do not lengthen as they lengthen the elapsed time."""
    return recalc_times(url, runs, time.process_time)


g_exportedScripts = (recalc_times, recalc_cpu_times)
