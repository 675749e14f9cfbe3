// Defence in depth behind the inspection of received workbooks (cpom/cli/untrusted.hpp): the offices cpom-run
// starts run in a network namespace of their own, whose only interface (loopback) is down, so that no link the
// inspection missed can reach the network. util-linux's unshare does it for root, and for an ordinary user through
// a user namespace (--map-current-user) where the kernel allows them; the UNO pipe is a file-system socket, which
// a network namespace does not cut.
#pragma once

#include <string>
#include <vector>

namespace cpom::cli {

// The command prefix ("unshare --net …"), or empty if this machine refuses it (then `why` says so, in French).
// Probed once per run by starting `unshare … true`.
const std::vector<std::string>& network_isolation_prefix(std::string& why);

}  // namespace cpom::cli
