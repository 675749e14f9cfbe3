#include "cpom_functions.hpp"

#include <cppuhelper/factory.hxx>
#include <cppuhelper/implementationentry.hxx>
#include <cppuhelper/supportsservice.hxx>

#include <vector>

#include "invoke.hpp"
#include "uno_blocks.hpp"

namespace cpom::addin {

#include "addin_methods.inc"

rtl::OUString CpomFunctions::getImplementationName() { return rtl::OUString::createFromAscii(k_implementation_name); }

sal_Bool CpomFunctions::supportsService(const rtl::OUString& name) { return cppu::supportsService(this, name); }

css::uno::Sequence<rtl::OUString> CpomFunctions::getSupportedServiceNames() { return service_names(); }

void CpomFunctions::setLocale(const css::lang::Locale& locale) {
    language_.store(locale.Language == "fr" ? calls::Language::French : calls::Language::English,
                    std::memory_order_relaxed);
}

css::lang::Locale CpomFunctions::getLocale() {
    const bool french = language() == calls::Language::French;
    return css::lang::Locale(french ? rtl::OUString("fr") : rtl::OUString("en"),
                             french ? rtl::OUString("FR") : rtl::OUString("US"), rtl::OUString());
}

css::uno::Sequence<rtl::OUString> CpomFunctions::service_names() {
    // Calc finds add-ins by the AddIn service; our own name is the one CalcAddIns.xcu describes.
    css::uno::Sequence<rtl::OUString> names(2);
    names.getArray()[0] = "com.sun.star.sheet.AddIn";
    names.getArray()[1] = rtl::OUString::createFromAscii(k_implementation_name);
    return names;
}

namespace {

css::uno::Reference<css::uno::XInterface> SAL_CALL create(const css::uno::Reference<css::uno::XComponentContext>&) {
    return static_cast<cppu::OWeakObject*>(new CpomFunctions);
}

rtl::OUString SAL_CALL implementation_name() { return rtl::OUString::createFromAscii(k_implementation_name); }

const cppu::ImplementationEntry k_entries[] = {
    {create, implementation_name, CpomFunctions::service_names, cppu::createSingleComponentFactory, nullptr, 0},
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0},
};

}  // namespace
}  // namespace cpom::addin

extern "C" SAL_DLLPUBLIC_EXPORT void* SAL_CALL component_getFactory(const char* implementation, void* service_manager,
                                                                    void* registry_key) {
    return cppu::component_getFactoryHelper(implementation, service_manager, registry_key, cpom::addin::k_entries);
}
