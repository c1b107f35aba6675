package org.crm4j.jpa;

import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * crm4j's persistence unit, described to the JPA provider through the standard container SPI: no
 * {@code persistence.xml} is read. The table prefix is applied by a mapping file generated for it (an
 * {@code orm.xml} naming each entity's table), which every provider honours over the annotations.
 */
final class CrmPersistenceUnit implements PersistenceUnitInfo {
    static final List<Class<?>> ENTITIES = List.of(ClientEntity.class, ContactEntity.class, ClientPartEntity.class,
            PhonePart.class, EmailPart.class, AddressPart.class, BankAccountPart.class, TagPart.class,
            AssignmentPart.class, ClassifierEntity.class, NotableEventEntity.class, InteractionEntity.class,
            DossierEntity.class, DossierPartEntity.class, DossierWordEntity.class, DossierFactEntity.class,
            DossierFactTagEntity.class, WorkFactEntity.class, TaskEntity.class, ReminderEntity.class,
            PipelineEntity.class, PipelineStageEntity.class, DealEntity.class, DealStageEntity.class, 
            TemplateEntity.class, ConsentEntity.class, CallEntity.class);
    /** The entities that name a table; the kinds of part share the table of {@link ClientPartEntity}. */
    private static final List<Class<?>> TABLES = List.of(ClientEntity.class, ContactEntity.class,
            ClientPartEntity.class, ClassifierEntity.class, NotableEventEntity.class, InteractionEntity.class,
            DossierEntity.class, DossierPartEntity.class, DossierWordEntity.class, DossierFactEntity.class,
            DossierFactTagEntity.class, WorkFactEntity.class, TaskEntity.class, ReminderEntity.class,
            PipelineEntity.class, PipelineStageEntity.class, DealEntity.class, DealStageEntity.class, 
            TemplateEntity.class, ConsentEntity.class, CallEntity.class);
    private static final String MAPPING_FILE = "META-INF/crm4j-generated-orm.xml";

    private final String name;
    private final DataSource dataSource;
    private final Properties properties;
    private final ClassLoader classLoader;

    CrmPersistenceUnit(String name, DataSource dataSource, String tablePrefix, Properties properties) {
        this.name = name;
        this.dataSource = dataSource;
        this.properties = properties;
        byte[] mapping = mappingFile(tablePrefix).getBytes(StandardCharsets.UTF_8);
        this.classLoader = new MappingFileLoader(CrmPersistenceUnit.class.getClassLoader(), mapping);
    }

    /** The orm.xml that puts every entity in the table of the given prefix. */
    static String mappingFile(String tablePrefix) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="https://jakarta.ee/xml/ns/persistence/orm \
                https://jakarta.ee/xml/ns/persistence/orm/orm_3_1.xsd" version="3.1">
                """);
        for (Class<?> entity : TABLES) {
            String table = entity.getAnnotation(jakarta.persistence.Table.class).name();
            xml.append("  <entity class=\"").append(entity.getName()).append("\">\n")
                    .append("    <table name=\"").append(tablePrefix).append(table.substring("crm_".length()))
                    .append("\"/>\n  </entity>\n");
        }
        return xml.append("</entity-mappings>\n").toString();
    }

    @Override
    public String getPersistenceUnitName() {
        return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return null;
    }

    /** Jakarta Persistence 3.2 asks for it; crm4j's entity managers are not injected. */
    public String getScopeAnnotationName() {
        return null;
    }

    /** Jakarta Persistence 3.2 asks for it; crm4j's entity managers are not injected. */
    public List<String> getQualifierAnnotationNames() {
        return List.of();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of(MAPPING_FILE);
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    @Override
    public URL getPersistenceUnitRootUrl() {
        return null;
    }

    @Override
    public List<String> getManagedClassNames() {
        return ENTITIES.stream().map(Class::getName).toList();
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return properties;
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "3.1";
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    @Override
    public void addTransformer(ClassTransformer transformer) {
        // crm4j's entities need no byte-code enhancement.
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return classLoader;
    }

    /** Serves the generated mapping file as a resource; everything else comes from crm4j's own loader. */
    private static final class MappingFileLoader extends ClassLoader {
        private final byte[] content;
        private final URL mapping;

        MappingFileLoader(ClassLoader parent, byte[] content) {
            super(parent);
            this.content = content;
            try {
                this.mapping = new URL(null, "crm4j:" + MAPPING_FILE, new URLStreamHandler() {
                    @Override
                    protected URLConnection openConnection(URL url) {
                        return new URLConnection(url) {
                            @Override
                            public void connect() {
                                connected = true;
                            }

                            @Override
                            public InputStream getInputStream() {
                                return new ByteArrayInputStream(MappingFileLoader.this.content);
                            }
                        };
                    }
                });
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public URL getResource(String resource) {
            return MAPPING_FILE.equals(resource) ? mapping : super.getResource(resource);
        }

        @Override
        public Enumeration<URL> getResources(String resource) throws IOException {
            return MAPPING_FILE.equals(resource) ? Collections.enumeration(List.of(mapping))
                    : super.getResources(resource);
        }

        @Override
        public InputStream getResourceAsStream(String resource) {
            return MAPPING_FILE.equals(resource) ? new ByteArrayInputStream(content)
                    : super.getResourceAsStream(resource);
        }
    }
}
