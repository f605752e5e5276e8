package dev.sluice.wire.image;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The OVF descriptor of an appliance OVA (DMTF OVF 1.x envelope,
 * {@code http://schemas.dmtf.org/ovf/envelope/1}): writing it, and parsing + validating one.
 *
 * <p>A descriptor is valid when all of these hold (the rules {@link #parse} checks):
 * <ol>
 *   <li>The root is {@code Envelope} in the OVF envelope namespace; no DTD.</li>
 *   <li>{@code References} lists at least one {@code File}, each with a unique {@code ovf:id}, an
 *       {@code ovf:href} that is a plain file name (no {@code /}, {@code \} or {@code ..}) and a
 *       non-negative integer {@code ovf:size}.</li>
 *   <li>{@code DiskSection} has at least one {@code Disk}, each with a unique {@code ovf:diskId},
 *       an {@code ovf:fileRef} naming a {@code File} and a positive integer {@code ovf:capacity}.</li>
 *   <li>{@code NetworkSection} names at least one {@code Network}.</li>
 *   <li>Exactly one {@code VirtualSystem} with an {@code ovf:id}, holding an
 *       {@code OperatingSystemSection}, a {@code ProductSection} and a
 *       {@code VirtualHardwareSection}.</li>
 *   <li>Hardware items have unique {@code rasd:InstanceID}s and a {@code rasd:ResourceType};
 *       their {@code rasd:*} children are in alphabetical order (the CIM schema's sequence);
 *       there is exactly one CPU item (type 3) and one memory item (type 4), each with a
 *       positive {@code rasd:VirtualQuantity}; at least one network adapter (type 10) whose
 *       {@code rasd:Connection} names a network of the {@code NetworkSection}; at least one disk
 *       (type 17) whose {@code rasd:HostResource} is {@code ovf:/disk/<diskId>} of a declared disk
 *       and whose {@code rasd:Parent} is the InstanceID of a disk controller item (type 5, 6 or 20).</li>
 *   <li>{@code ProductSection} {@code Property} elements have unique {@code ovf:key}s and an
 *       {@code ovf:type}; every key of {@link BootstrapProperties#REQUIRED_KEYS} is present.</li>
 * </ol>
 */
public final class OvfDescriptor {
  public static final String OVF_NS = "http://schemas.dmtf.org/ovf/envelope/1";
  public static final String RASD_NS = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_ResourceAllocationSettingData";
  public static final String VSSD_NS = "http://schemas.dmtf.org/wbem/wscim/1/cim-schema/2/CIM_VirtualSystemSettingData";
  public static final String VMW_NS = "http://www.vmware.com/schema/ovf";
  /** The format URI of the disk file: a tar archive of the appliance software (see {@link PayloadArchive}). */
  public static final String DISK_FORMAT = "https://sluice.dev/specs/appliance-disk/tar/1";

  /** Virtual hardware of the appliance VM. */
  public record Hardware(int cpus, int memoryMiB, int diskGiB) {
    /** 4 vCPUs, 8 GiB memory, 160 GiB disk: the minimum for a log collector appliance. */
    public static final Hardware DEFAULT = new Hardware(4, 8192, 160);
  }

  /** A file the descriptor references (e.g. the disk). */
  public record FileReference(String id, String href, long size) {}

  /** A parsed, valid descriptor. */
  public record Parsed(List<FileReference> files, Map<String, String> properties, Hardware hardware) {
    public Parsed {
      files = List.copyOf(files);
      properties = Map.copyOf(properties);
    }
  }

  /** Outcome of {@link #parse}: parsed, or the first rule broken. */
  public sealed interface Result permits Valid, Invalid {}

  public record Valid(Parsed descriptor) implements Result {}

  public record Invalid(String detail) implements Result {}

  private OvfDescriptor() {}

  /** The descriptor of an appliance whose disk is {@code diskFile} ({@code diskSize} bytes). */
  public static String write(BootstrapConfig config, String diskFile, long diskSize, Hardware hardware) {
    String systemId = "sluice-appliance-" + config.applianceId();
    StringBuilder xml = new StringBuilder(8192);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<Envelope xmlns=\"").append(OVF_NS).append("\" xmlns:ovf=\"").append(OVF_NS)
        .append("\" xmlns:rasd=\"").append(RASD_NS).append("\" xmlns:vssd=\"").append(VSSD_NS)
        .append("\" xmlns:vmw=\"").append(VMW_NS).append("\">\n")
        .append("  <References>\n")
        .append("    <File ovf:id=\"file1\" ovf:href=\"").append(escape(diskFile)).append("\" ovf:size=\"")
        .append(diskSize).append("\"/>\n")
        .append("  </References>\n")
        .append("  <DiskSection>\n")
        .append("    <Info>Virtual disk information</Info>\n")
        .append("    <Disk ovf:diskId=\"vmdisk1\" ovf:fileRef=\"file1\" ovf:capacity=\"").append(hardware.diskGiB())
        .append("\" ovf:capacityAllocationUnits=\"byte * 2^30\" ovf:format=\"").append(DISK_FORMAT)
        .append("\" ovf:populatedSize=\"").append(diskSize).append("\"/>\n")
        .append("  </DiskSection>\n")
        .append("  <NetworkSection>\n")
        .append("    <Info>The networks the appliance connects to</Info>\n")
        .append("    <Network ovf:name=\"Management\">\n")
        .append("      <Description>Management interface: reaches central and the lake</Description>\n")
        .append("    </Network>\n")
        .append("    <Network ovf:name=\"Syslog\">\n")
        .append("      <Description>Syslog interface: receives events from senders</Description>\n")
        .append("    </Network>\n")
        .append("  </NetworkSection>\n")
        .append("  <VirtualSystem ovf:id=\"").append(escape(systemId)).append("\">\n")
        .append("    <Info>A Sluice log collector appliance</Info>\n")
        .append("    <Name>").append(escape(config.applianceName().isBlank() ? systemId : config.applianceName()))
        .append("</Name>\n")
        .append("    <OperatingSystemSection ovf:id=\"101\" vmw:osType=\"other4xLinux64Guest\">\n")
        .append("      <Info>The guest operating system</Info>\n")
        .append("      <Description>Linux (64-bit)</Description>\n")
        .append("    </OperatingSystemSection>\n")
        .append("    <ProductSection ovf:required=\"false\">\n")
        .append("      <Info>Bootstrap configuration of the appliance</Info>\n")
        .append("      <Product>Sluice appliance</Product>\n")
        .append("      <Vendor>Sluice</Vendor>\n");
    for (Map.Entry<String, String> property : BootstrapProperties.toMap(config).entrySet()) {
      xml.append("      <Property ovf:key=\"").append(escape(property.getKey()))
          .append("\" ovf:type=\"string\" ovf:userConfigurable=\"false\" ovf:value=\"")
          .append(escape(property.getValue())).append("\"")
          .append(property.getKey().equals("sluice.enrollmentSecret") ? " ovf:password=\"true\"" : "")
          .append("/>\n");
    }
    xml.append("    </ProductSection>\n")
        .append("    <VirtualHardwareSection>\n")
        .append("      <Info>Virtual hardware requirements</Info>\n")
        .append("      <System>\n")
        .append("        <vssd:ElementName>Virtual Hardware Family</vssd:ElementName>\n")
        .append("        <vssd:InstanceID>0</vssd:InstanceID>\n")
        .append("        <vssd:VirtualSystemIdentifier>").append(escape(systemId)).append("</vssd:VirtualSystemIdentifier>\n")
        .append("        <vssd:VirtualSystemType>vmx-11</vssd:VirtualSystemType>\n")
        .append("      </System>\n");
    item(xml, Map.of("AllocationUnits", "hertz * 10^6", "Description", "Number of virtual CPUs",
        "ElementName", hardware.cpus() + " virtual CPUs", "InstanceID", "1", "ResourceType", "3",
        "VirtualQuantity", Integer.toString(hardware.cpus())));
    item(xml, Map.of("AllocationUnits", "byte * 2^20", "Description", "Memory size",
        "ElementName", hardware.memoryMiB() + " MB of memory", "InstanceID", "2", "ResourceType", "4",
        "VirtualQuantity", Integer.toString(hardware.memoryMiB())));
    item(xml, Map.of("Address", "0", "Description", "SCSI controller", "ElementName", "SCSI controller 0",
        "InstanceID", "3", "ResourceSubType", "VirtualSCSI", "ResourceType", "6"));
    item(xml, Map.of("AddressOnParent", "0", "ElementName", "Hard disk 1", "HostResource", "ovf:/disk/vmdisk1",
        "InstanceID", "4", "Parent", "3", "ResourceType", "17"));
    item(xml, Map.of("AddressOnParent", "7", "AutomaticAllocation", "true", "Connection", "Management",
        "Description", "Management network adapter", "ElementName", "Network adapter 1", "InstanceID", "5",
        "ResourceSubType", "VmxNet3", "ResourceType", "10"));
    item(xml, Map.of("AddressOnParent", "8", "AutomaticAllocation", "true", "Connection", "Syslog",
        "Description", "Syslog network adapter", "ElementName", "Network adapter 2", "InstanceID", "6",
        "ResourceSubType", "VmxNet3", "ResourceType", "10"));
    xml.append("    </VirtualHardwareSection>\n")
        .append("  </VirtualSystem>\n")
        .append("</Envelope>\n");
    return xml.toString();
  }

  /** One hardware item; the {@code rasd:} children are written in alphabetical order. */
  private static void item(StringBuilder xml, Map<String, String> fields) {
    xml.append("      <Item>\n");
    fields.keySet().stream().sorted().forEach(name -> xml.append("        <rasd:").append(name).append('>')
        .append(escape(fields.get(name))).append("</rasd:").append(name).append(">\n"));
    xml.append("      </Item>\n");
  }

  /** XML escaping for text and attribute values; line breaks become character references so they survive attribute normalization. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append("&#9;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Parses and validates a descriptor against the rules above; never throws. */
  public static Result parse(byte[] xml) {
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      document = builder.parse(new ByteArrayInputStream(xml));
    } catch (Exception e) {
      return new Invalid("not well-formed XML: " + e.getMessage());
    }
    try {
      return new Valid(validate(document.getDocumentElement()));
    } catch (IllegalArgumentException e) {
      return new Invalid(e.getMessage());
    }
  }

  private static Parsed validate(Element envelope) {
    require(OVF_NS.equals(envelope.getNamespaceURI()) && "Envelope".equals(envelope.getLocalName()),
        "root element must be ovf:Envelope");

    Element references = single(envelope, OVF_NS, "References");
    List<FileReference> files = new ArrayList<>();
    Set<String> fileIds = new HashSet<>();
    for (Element file : children(references, OVF_NS, "File")) {
      String id = attribute(file, "id");
      String href = attribute(file, "href");
      require(fileIds.add(id), "duplicate File ovf:id " + id);
      require(!href.contains("/") && !href.contains("\\") && !href.contains(".."),
          "File ovf:href must be a plain file name: " + href);
      files.add(new FileReference(id, href, nonNegative(attribute(file, "size"), "File ovf:size")));
    }
    require(!files.isEmpty(), "References lists no File");

    Element diskSection = single(envelope, OVF_NS, "DiskSection");
    Set<String> diskIds = new HashSet<>();
    for (Element disk : children(diskSection, OVF_NS, "Disk")) {
      require(diskIds.add(attribute(disk, "diskId")), "duplicate Disk ovf:diskId");
      require(fileIds.contains(attribute(disk, "fileRef")), "Disk ovf:fileRef names no File: " + attribute(disk, "fileRef"));
      require(nonNegative(attribute(disk, "capacity"), "Disk ovf:capacity") > 0, "Disk ovf:capacity must be positive");
    }
    require(!diskIds.isEmpty(), "DiskSection declares no Disk");

    Set<String> networks = new HashSet<>();
    for (Element network : children(single(envelope, OVF_NS, "NetworkSection"), OVF_NS, "Network")) {
      networks.add(attribute(network, "name"));
    }
    require(!networks.isEmpty(), "NetworkSection names no Network");

    Element system = single(envelope, OVF_NS, "VirtualSystem");
    attribute(system, "id");
    single(system, OVF_NS, "OperatingSystemSection");
    Map<String, String> properties = productProperties(single(system, OVF_NS, "ProductSection"));
    Hardware hardware = hardware(single(system, OVF_NS, "VirtualHardwareSection"), networks, diskIds);
    return new Parsed(files, properties, hardware);
  }

  private static Map<String, String> productProperties(Element product) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (Element property : children(product, OVF_NS, "Property")) {
      String key = attribute(property, "key");
      attribute(property, "type");
      require(properties.put(key, property.getAttributeNS(OVF_NS, "value")) == null, "duplicate Property ovf:key " + key);
    }
    for (String key : BootstrapProperties.REQUIRED_KEYS) {
      require(properties.containsKey(key), "ProductSection lacks Property " + key);
    }
    return properties;
  }

  private static Hardware hardware(Element section, Set<String> networks, Set<String> diskIds) {
    Map<String, Map<String, String>> items = new LinkedHashMap<>();
    for (Element item : children(section, OVF_NS, "Item")) {
      Map<String, String> fields = new LinkedHashMap<>();
      String previous = "";
      for (Element field : children(item, RASD_NS, null)) {
        String name = field.getLocalName();
        require(name.compareTo(previous) > 0, "rasd elements out of order in Item: " + name + " after " + previous);
        previous = name;
        fields.put(name, field.getTextContent().strip());
      }
      String instanceId = fields.get("InstanceID");
      require(instanceId != null && fields.containsKey("ResourceType"), "Item without rasd:InstanceID or rasd:ResourceType");
      require(items.put(instanceId, fields) == null, "duplicate rasd:InstanceID " + instanceId);
    }
    Map<String, List<Map<String, String>>> byType = new HashMap<>();
    items.values().forEach(fields -> byType.computeIfAbsent(fields.get("ResourceType"), t -> new ArrayList<>()).add(fields));
    List<Map<String, String>> cpus = byType.getOrDefault("3", List.of());
    List<Map<String, String>> memory = byType.getOrDefault("4", List.of());
    require(cpus.size() == 1, "exactly one CPU item (ResourceType 3) required");
    require(memory.size() == 1, "exactly one memory item (ResourceType 4) required");
    int cpuCount = (int) positive(cpus.get(0).get("VirtualQuantity"), "CPU rasd:VirtualQuantity");
    int memoryMiB = (int) positive(memory.get(0).get("VirtualQuantity"), "memory rasd:VirtualQuantity");
    List<Map<String, String>> adapters = byType.getOrDefault("10", List.of());
    require(!adapters.isEmpty(), "no network adapter item (ResourceType 10)");
    for (Map<String, String> adapter : adapters) {
      require(networks.contains(adapter.get("Connection")), "network adapter connects to an undeclared network: " + adapter.get("Connection"));
    }
    List<Map<String, String>> disks = byType.getOrDefault("17", List.of());
    require(!disks.isEmpty(), "no disk item (ResourceType 17)");
    for (Map<String, String> disk : disks) {
      String host = String.valueOf(disk.get("HostResource"));
      require(host.startsWith("ovf:/disk/") && diskIds.contains(host.substring("ovf:/disk/".length())),
          "disk item's rasd:HostResource names no declared disk: " + host);
      Map<String, String> parent = items.get(disk.get("Parent"));
      require(parent != null && Set.of("5", "6", "20").contains(parent.get("ResourceType")),
          "disk item's rasd:Parent is not a disk controller");
    }
    return new Hardware(cpuCount, memoryMiB, 0);
  }

  private static Element single(Element parent, String namespace, String name) {
    List<Element> found = children(parent, namespace, name);
    require(found.size() == 1, "expected exactly one " + name + " in " + parent.getLocalName() + ", found " + found.size());
    return found.get(0);
  }

  private static List<Element> children(Element parent, String namespace, String name) {
    List<Element> result = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && namespace.equals(element.getNamespaceURI())
          && (name == null || name.equals(element.getLocalName()))) {
        result.add(element);
      }
    }
    return result;
  }

  private static String attribute(Element element, String name) {
    String value = element.getAttributeNS(OVF_NS, name);
    require(!value.isEmpty(), element.getLocalName() + " lacks ovf:" + name);
    return value;
  }

  private static long nonNegative(String text, String what) {
    try {
      long value = Long.parseLong(String.valueOf(text));
      require(value >= 0, what + " must not be negative");
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + " is not an integer: " + text);
    }
  }

  private static long positive(String text, String what) {
    long value = nonNegative(text, what);
    require(value > 0, what + " must be positive");
    return value;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
