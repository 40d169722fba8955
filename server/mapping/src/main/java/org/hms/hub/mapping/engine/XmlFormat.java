package org.hms.hub.mapping.engine;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XML as the engine's documents, by declared conventions: the root element is the document (its name is
 * declared); child elements become members; attributes become {@code @name} members; an element with attributes
 * and text keeps the text as {@code #text}; elements that repeat — or whose path is declared in {@code arrays}
 * (e.g. {@code /items/item}) — become arrays; text stays text (numbers are not guessed). Writing does the reverse.
 * DOCTYPEs and external entities are refused.
 */
public final class XmlFormat {

    private final String root;
    private final Set<String> arrays;

    public XmlFormat(String root, Set<String> arrays) {
        if (root == null || root.isBlank()) {
            throw new IllegalArgumentException("an XML format needs its root element's name");
        }
        this.root = root;
        this.arrays = Set.copyOf(arrays);
    }

    /**
     * The conventions a definition declares for one side: {@code "xml": {"source": {"root": "order", "arrays":
     * ["/items/item"]}, "target": {"root": …}}}; null when that side is not XML.
     */
    public static XmlFormat declared(jakarta.json.JsonObject definition, String side) {
        if (!(definition.get("xml") instanceof jakarta.json.JsonObject xml)
                || !(xml.get(side) instanceof jakarta.json.JsonObject format)) {
            return null;
        }
        Set<String> arrays = format.get("arrays") instanceof jakarta.json.JsonArray list
                ? list.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                .collect(java.util.stream.Collectors.toSet()) : Set.of();
        return new XmlFormat(format.getString("root", null), arrays);
    }

    public String root() {
        return root;
    }

    /** Parses XML into the JSON the rules read. */
    public jakarta.json.JsonValue readJson(String xml) {
        return Tree.toJson(read(xml));
    }

    /** Writes the JSON a mapping produced as XML. */
    public String writeJson(jakarta.json.JsonValue json) {
        return write(Tree.of(json));
    }

    /** Parses XML into a document; fails with a plain message when it is not well-formed or not this root. */
    Object read(String xml) {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            doc = builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage());
        } catch (ParserConfigurationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Element top = doc.getDocumentElement();
        if (!top.getTagName().equals(root)) {
            throw new IllegalArgumentException("the root element is <" + top.getTagName() + ">, expected <" + root + ">");
        }
        return element(top, "");
    }

    private Object element(Element e, String path) {
        Map<String, Object> map = new LinkedHashMap<>();
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            map.put("@" + a.getName(), a.getValue());
        }
        StringBuilder text = new StringBuilder();
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element child) {
                String name = child.getTagName();
                String childPath = path + "/" + name;
                Object value = element(child, childPath);
                if (!map.containsKey(name)) {
                    map.put(name, arrays.contains(childPath) ? new ArrayList<>(List.of(value)) : value);
                } else if (map.get(name) instanceof List<?> list) {
                    @SuppressWarnings("unchecked")
                    List<Object> values = (List<Object>) list;
                    values.add(value); // element values are maps or text, so a list here is a repetition
                } else {
                    map.put(name, new ArrayList<>(List.of(map.get(name), value)));
                }
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(n.getNodeValue());
            }
        }
        String content = text.toString().strip();
        if (map.isEmpty()) {
            return content;
        }
        if (!content.isEmpty()) {
            map.put("#text", content);
        }
        return map;
    }

    /** Writes a document as XML under the root element. */
    String write(Object document) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document doc = factory.newDocumentBuilder().newDocument();
            Element top = doc.createElement(root);
            doc.appendChild(top);
            fill(doc, top, document);
            TransformerFactory tf = TransformerFactory.newInstance();
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer t = tf.newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException(e);
        } catch (org.w3c.dom.DOMException e) {
            throw new IllegalArgumentException("cannot be written as XML: " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private void fill(Document doc, Element e, Object value) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                String name = entry.getKey();
                Object v = entry.getValue();
                if (name.startsWith("@")) {
                    e.setAttribute(name.substring(1), scalar(v));
                } else if (name.equals("#text")) {
                    e.appendChild(doc.createTextNode(scalar(v)));
                } else if (v instanceof List<?> list) {
                    for (Object item : list) {
                        Element child = doc.createElement(name);
                        e.appendChild(child);
                        fill(doc, child, item);
                    }
                } else {
                    Element child = doc.createElement(name);
                    e.appendChild(child);
                    fill(doc, child, v);
                }
            }
        } else if (value != null) {
            e.appendChild(doc.createTextNode(scalar(value)));
        }
    }

    private static String scalar(Object v) {
        return v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
