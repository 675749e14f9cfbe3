// The UNO component: one method per CPOM_ function (generated), each converting its cells and calling the engine.
#pragma once

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase2.hxx>
#include <org/cpom/calc/XCpomFunctions.hpp>

namespace cpom::addin {

inline constexpr char k_implementation_name[] = "org.cpom.calc.Functions";

class CpomFunctions : public cppu::WeakImplHelper2<org::cpom::calc::XCpomFunctions, css::lang::XServiceInfo> {
public:
    CpomFunctions() = default;

#include "addin_methods.hpp"

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    css::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

    static css::uno::Sequence<rtl::OUString> service_names();
};

}  // namespace cpom::addin
