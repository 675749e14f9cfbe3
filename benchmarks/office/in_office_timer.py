# Runs inside soffice (Python script provider, user profile): times calculateAll() without the UNO round trip.
import time


def recalc_times(url, runs):
    desktop = XSCRIPTCONTEXT.getDesktop()  # noqa: F821  (given by the script provider)
    components = desktop.getComponents().createEnumeration()
    while components.hasMoreElements():
        doc = components.nextElement()
        if doc.getURL() == url:
            times = []
            for _ in range(int(runs)):
                start = time.perf_counter()
                doc.calculateAll()
                times.append(time.perf_counter() - start)
            return tuple(times)
    raise RuntimeError("document not loaded: " + url)


g_exportedScripts = (recalc_times,)
