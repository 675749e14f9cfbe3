#include "xml_tree.hpp"

#include <libxml/parser.h>
#include <libxml/xmlIO.h>

#include <algorithm>
#include <mutex>

#include "cpom/cli/untrusted.hpp"

namespace cpom::cli::xml {

namespace {

xmlParserInputPtr refuse_entity(const char*, const char*, xmlParserCtxtPtr) { return nullptr; }

}  // namespace

Tree::Tree(const std::string& text, const std::string& member) {
    static std::once_flag once;
    std::call_once(once, [] {
        xmlInitParser();
        xmlSetExternalEntityLoader(refuse_entity);  // no file, no URL, whatever the document declares
    });
    doc_ = xmlReadMemory(text.data(), static_cast<int>(text.size()), member.c_str(), nullptr,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc_) throw UntrustedError("fichier corrompu ou illisible (" + member + " n'est pas du XML valide)");
    // A constructor that throws runs no destructor: the parsed document is freed here before each refusal.
    if (doc_->intSubset || doc_->extSubset)
        refuse("classeur refusé : déclaration DOCTYPE dans " + member + " (entités XML)");
    if (!root()) refuse("fichier corrompu ou illisible (" + member + " est vide)");
}

void Tree::refuse(const std::string& reason) {
    xmlFreeDoc(doc_);
    doc_ = nullptr;
    throw UntrustedError(reason);
}

Tree::~Tree() {
    if (doc_) xmlFreeDoc(doc_);
}

std::string Tree::serialise() const {
    xmlChar* buffer = nullptr;
    int size = 0;
    xmlDocDumpMemoryEnc(doc_, &buffer, &size, "UTF-8");
    std::string out(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(std::max(size, 0)));
    xmlFree(buffer);
    return out;
}

bool is(xmlNodePtr node, const char* ns, const char* local) {
    return node && node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
           xmlStrEqual(node->ns->href, BAD_CAST ns) && xmlStrEqual(node->name, BAD_CAST local);
}

std::string attribute(xmlNodePtr node, const char* ns, const char* local) {
    xmlChar* value = ns ? xmlGetNsProp(node, BAD_CAST local, BAD_CAST ns) : xmlGetNoNsProp(node, BAD_CAST local);
    if (!value) return {};
    std::string out(reinterpret_cast<const char*>(value));
    xmlFree(value);
    return out;
}

bool has_attribute(xmlNodePtr node, const char* ns, const char* local) {
    return (ns ? xmlHasNsProp(node, BAD_CAST local, BAD_CAST ns) : xmlHasNsProp(node, BAD_CAST local, nullptr)) !=
           nullptr;
}

void remove_attribute(xmlNodePtr node, const char* ns, const char* local) {
    if (xmlAttrPtr attr = xmlHasNsProp(node, BAD_CAST local, ns ? BAD_CAST ns : nullptr))
        if (attr->type == XML_ATTRIBUTE_NODE) xmlRemoveProp(attr);
}

void remove(xmlNodePtr node) {
    xmlUnlinkNode(node);
    xmlFreeNode(node);
}

std::vector<xmlNodePtr> element_children(xmlNodePtr node) {
    std::vector<xmlNodePtr> out;
    for (xmlNodePtr child = node->children; child; child = child->next)
        if (child->type == XML_ELEMENT_NODE) out.push_back(child);
    return out;
}

void Notes::add(const std::string& note) {
    if (std::find(notes_.begin(), notes_.end(), note) == notes_.end()) notes_.push_back(note);
}

std::string quoted(const std::string& text) { return "« " + text + " »"; }

}  // namespace cpom::cli::xml
