// libxml2 trees for the package neutralisers (untrusted_odf.cpp, untrusted_ooxml.cpp): parsed with no network and
// no external entity, refused when they declare a DOCTYPE (no ODF or OOXML part has one; entities are how an XML
// file would pull another file in), written back in UTF-8.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <string_view>
#include <vector>

namespace cpom::cli::xml {

class Tree {
public:
    Tree(const std::string& text, const std::string& member);  // throws UntrustedError
    ~Tree();
    Tree(const Tree&) = delete;
    Tree& operator=(const Tree&) = delete;

    xmlNodePtr root() const { return xmlDocGetRootElement(doc_); }
    std::string serialise() const;

private:
    [[noreturn]] void refuse(const std::string& reason);  // frees the document, throws UntrustedError

    xmlDocPtr doc_ = nullptr;
};

bool is(xmlNodePtr node, const char* ns, const char* local);  // an element of that namespace and local name
std::string attribute(xmlNodePtr node, const char* ns, const char* local);  // "" if absent
bool has_attribute(xmlNodePtr node, const char* ns, const char* local);
void remove_attribute(xmlNodePtr node, const char* ns, const char* local);
void remove(xmlNodePtr node);  // unlinks and frees
std::vector<xmlNodePtr> element_children(xmlNodePtr node);

// The notes of a neutraliser: each text once, in the order found.
class Notes {
public:
    void add(const std::string& note);
    std::vector<std::string> take() { return std::move(notes_); }

private:
    std::vector<std::string> notes_;
};

std::string quoted(const std::string& text);  // « text »

}  // namespace cpom::cli::xml
