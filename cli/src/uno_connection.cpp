#include "uno_connection.hpp"

#include <com/sun/star/bridge/BridgeFactory.hpp>
#include <com/sun/star/connection/Connector.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <cppuhelper/bootstrap.hxx>

#include <atomic>

namespace cpom::cli {

rtl::OUString to_ou(std::string_view utf8) {
    return rtl::OUString(utf8.data(), static_cast<sal_Int32>(utf8.size()), RTL_TEXTENCODING_UTF8);
}

std::string to_utf8(const rtl::OUString& text) {
    const rtl::OString bytes = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

rtl::OUString file_url_ou(const std::filesystem::path& path) { return to_ou(file_url(path)); }

Reference<css::uno::XComponentContext> local_context() {
    static const Reference<css::uno::XComponentContext> context = [] {
        try {
            return cppu::defaultBootstrap_InitialComponentContext();
        } catch (const cppu::BootstrapException& e) {
            // Not a UNO exception: turn it into one the callers handle.
            throw css::uno::RuntimeException("initialisation UNO impossible : " + e.getMessage());
        }
    }();
    return context;
}

UnoConnection::UnoConnection(const std::string& description) {
    const auto local = local_context();
    const auto connection = css::connection::Connector::create(local)->connect(to_ou(description));
    bridge_ = css::bridge::BridgeFactory::create(local)->createBridge("", "urp", connection, nullptr);
    context_.set(bridge_->getInstance("StarOffice.ComponentContext"), css::uno::UNO_QUERY_THROW);
    desktop_ = css::frame::Desktop::create(context_);
}

UnoConnection::~UnoConnection() { dispose(); }

Reference<css::uno::XInterface> UnoConnection::service(const char* name) const {
    return context_->getServiceManager()->createInstanceWithContext(rtl::OUString::createFromAscii(name), context_);
}

void UnoConnection::dispose() noexcept {
    std::lock_guard lock(mutex_);
    try {
        Reference<css::lang::XComponent> component(bridge_, css::uno::UNO_QUERY);
        if (component.is()) component->dispose();
    } catch (...) {
        // Already gone with its office.
    }
}

}  // namespace cpom::cli
