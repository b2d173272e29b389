package io.waybill.adapters;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads JSON and XML partner payloads. A payload that is not well formed raises
 * {@link MalformedPayloadException} with the line and column where the parser stopped. XML is read
 * with document type declarations forbidden, so a payload cannot make the parser fetch or expand
 * external entities.
 */
public final class Payloads {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Payloads() {
    }

    public static JsonNode json(String format, String text) {
        JsonNode node = jsonObjectOrArray(format, text);
        if (!node.isObject()) {
            throw new MalformedPayloadException(format, "the body is not a JSON object", 1, 1, 0,
                    "send the partner's JSON object as it was delivered");
        }
        return node;
    }

    /** Reads a JSON document whose top level is an object or an array. */
    public static JsonNode jsonObjectOrArray(String format, String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedPayloadException(format, "the body is empty", 1, 1, 0, "send the partner's JSON document");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isContainerNode()) {
                throw new MalformedPayloadException(format, "the body is neither a JSON object nor an array", 1, 1, 0,
                        "send the partner's JSON object as it was delivered");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new MalformedPayloadException(format, "malformed JSON: " + e.getOriginalMessage(),
                    where == null ? 0 : where.getLineNr(), where == null ? 0 : where.getColumnNr(), 0,
                    "send well-formed JSON");
        }
    }

    public static Document xml(String format, String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedPayloadException(format, "the body is empty", 1, 1, 0, "send the partner's XML document");
        }
        try {
            DocumentBuilder builder = secureFactory().newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(new InputSource(new StringReader(text.strip())));
        } catch (SAXParseException e) {
            throw new MalformedPayloadException(format, "malformed XML: " + e.getMessage(), e.getLineNumber(),
                    e.getColumnNumber(), 0, "send well-formed XML without a document type declaration");
        } catch (SAXException | IOException e) {
            throw new MalformedPayloadException(format, "malformed XML: " + e.getMessage(), 0, 0, 0,
                    "send well-formed XML without a document type declaration");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser cannot be configured", e);
        }
    }

    private static DocumentBuilderFactory secureFactory() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a required security feature", e);
        }
    }

    /** Returns the text of a JSON field, or {@code null} when it is missing, null or blank. */
    public static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String name : path) {
            if (current == null || current.isNull()) {
                return null;
            }
            current = current.get(name);
        }
        if (current == null || current.isNull() || current.isContainerNode()) {
            return null;
        }
        String value = current.asText();
        return value.isBlank() ? null : value.trim();
    }

    /** Returns the elements of a JSON array field; an absent or null field gives an empty list. */
    public static List<JsonNode> array(JsonNode node, String name) {
        List<JsonNode> items = new ArrayList<>();
        JsonNode array = node == null ? null : node.get(name);
        if (array != null && array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }

    /** Returns the child elements with this local name, in document order. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(localName(element))) {
                found.add(element);
            }
        }
        return found;
    }

    /** Returns the first child element along a path of local names, or {@code null}. */
    public static Element child(Element parent, String... path) {
        Element current = parent;
        for (String name : path) {
            if (current == null) {
                return null;
            }
            List<Element> found = children(current, name);
            current = found.isEmpty() ? null : found.get(0);
        }
        return current;
    }

    /** Returns the trimmed text along a path of local names, or {@code null} when missing or blank. */
    public static String text(Element parent, String... path) {
        Element element = child(parent, path);
        if (element == null) {
            return null;
        }
        String value = element.getTextContent().trim().replaceAll("\\s+", " ");
        return value.isEmpty() ? null : value;
    }

    private static String localName(Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }
}
