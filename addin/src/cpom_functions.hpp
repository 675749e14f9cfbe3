// The UNO component: one method per CPOM_ function (generated), each viewing its cells and calling the engine.
#pragma once

#include <atomic>

#include <com/sun/star/lang/Locale.hpp>
#include <com/sun/star/lang/XLocalizable.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase3.hxx>
#include <org/cpom/calc/XCpomFunctions.hpp>

#include "cpom/calls/function_spec.hpp"

namespace cpom::addin {

inline constexpr char k_implementation_name[] = "org.cpom.calc.Functions";

class CpomFunctions
    : public cppu::WeakImplHelper3<org::cpom::calc::XCpomFunctions, css::lang::XServiceInfo, css::lang::XLocalizable> {
public:
    CpomFunctions() = default;

#include "addin_methods.hpp"

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

    // XLocalizable: Calc gives the language of its user interface when it loads the component
    // (ScUnoAddInCollection::UpdateFromAddIn); error messages then name arguments as that Function Wizard does.
    void SAL_CALL setLocale(const css::lang::Locale& locale) override;
    css::lang::Locale SAL_CALL getLocale() override;

    static css::uno::Sequence<rtl::OUString> service_names();

private:
    calls::Language language() const { return language_.load(std::memory_order_relaxed); }

    // French until told otherwise: the product's users are French.
    std::atomic<calls::Language> language_{calls::Language::French};
};

}  // namespace cpom::addin
