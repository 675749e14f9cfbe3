// The UNO side of cpom-run: one local component context for the process, and one URP bridge per office. We build
// the bridge ourselves (Connector + BridgeFactory, not UnoUrlResolver) to hold it: disposing it unblocks a call
// stuck in a hung office (timeout, Ctrl-C), also for an office we did not start (--connect).
#pragma once

#include <com/sun/star/bridge/XBridge.hpp>
#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>

#include "cpom/cli/file_url.hpp"

namespace cpom::cli {

namespace css = com::sun::star;
using css::uno::Reference;

rtl::OUString to_ou(std::string_view utf8);
std::string to_utf8(const rtl::OUString& text);
rtl::OUString file_url_ou(const std::filesystem::path& path);  // absolute, percent-encoded UTF-8

// Bootstraps the local UNO environment once (needs URE_BOOTSTRAP: main sets it). Thread-safe.
Reference<css::uno::XComponentContext> local_context();

class UnoConnection {
public:
    // One attempt; throws css::connection::NoConnectException while the office is not listening yet.
    explicit UnoConnection(const std::string& description);
    ~UnoConnection();
    UnoConnection(const UnoConnection&) = delete;
    UnoConnection& operator=(const UnoConnection&) = delete;

    Reference<css::uno::XComponentContext> context() const { return context_; }
    Reference<css::frame::XDesktop2> desktop() const { return desktop_; }
    Reference<css::uno::XInterface> service(const char* name) const;

    // Drops the bridge: calls in flight return with a DisposedException. Safe from any thread.
    void dispose() noexcept;

private:
    Reference<css::bridge::XBridge> bridge_;
    Reference<css::uno::XComponentContext> context_;
    Reference<css::frame::XDesktop2> desktop_;
    std::mutex mutex_;
};

}  // namespace cpom::cli
