<?xml version="1.0" encoding="UTF-8"?>
<!--
  Turns the stock Payara Server domain1/config/domain.xml into the one the EAR integration test runs:
  every listener on 127.0.0.1 and on ports the build reserved, nothing else listening (IIOP, JMX, the
  embedded OpenMQ broker, the Data Grid and the OSGi remote shell are off), the hub's datasource and broker
  address as system properties, and the configuration of the Artemis adapter embedded in the EAR.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:param name="httpPort"/>
  <xsl:param name="adminPort"/>
  <xsl:param name="brokerPort"/>
  <xsl:param name="earName"/>
  <xsl:param name="heap"/>
  <xsl:param name="dbClass"/>
  <xsl:param name="dbUrl"/>
  <xsl:param name="dbUser"/>
  <xsl:param name="dbPassword"/>
  <xsl:param name="dataDir"/>
  <xsl:param name="adminPassword"/>

  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>

  <!-- only the running server's configuration matters; default-config is a template for new instances -->
  <xsl:template match="config[@name='server-config']//network-listener[@name='http-listener-1']">
    <network-listener port="{$httpPort}" address="127.0.0.1" protocol="http-listener-1" transport="tcp"
                      name="http-listener-1" thread-pool="http-thread-pool"/>
  </xsl:template>
  <xsl:template match="config[@name='server-config']//network-listener[@name='http-listener-2']">
    <network-listener port="{$httpPort + 1}" address="127.0.0.1" enabled="false" protocol="http-listener-2"
                      transport="tcp" name="http-listener-2" thread-pool="http-thread-pool"/>
  </xsl:template>
  <xsl:template match="config[@name='server-config']//network-listener[@name='admin-listener']">
    <network-listener port="{$adminPort}" address="127.0.0.1" protocol="admin-listener" transport="tcp"
                      name="admin-listener" thread-pool="admin-thread-pool"/>
  </xsl:template>
  <xsl:template match="config[@name='server-config']//iiop-listener/@address">
    <xsl:attribute name="address">127.0.0.1</xsl:attribute>
    <xsl:attribute name="enabled">false</xsl:attribute>
  </xsl:template>
  <xsl:template match="config[@name='server-config']//jmx-connector/@address">
    <xsl:attribute name="address">127.0.0.1</xsl:attribute>
    <xsl:attribute name="enabled">false</xsl:attribute>
  </xsl:template>
  <!-- server-config has no jms-service of its own: add one that starts no OpenMQ broker -->
  <xsl:template match="config[@name='server-config']">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <xsl:if test="not(jms-service)">
        <jms-service type="DISABLED" default-jms-host="default_JMS_host" addresslist-behavior="priority">
          <jms-host name="default_JMS_host" host="127.0.0.1" port="${JMS_PROVIDER_PORT}" lazy-init="true"/>
        </jms-service>
      </xsl:if>
    </xsl:copy>
  </xsl:template>
  <xsl:template match="config[@name='server-config']/jms-service/@type">
    <xsl:attribute name="type">DISABLED</xsl:attribute>
  </xsl:template>
  <xsl:template match="config[@name='server-config']/hazelcast-config-specific-configuration">
    <hazelcast-config-specific-configuration enabled="false"/>
  </xsl:template>
  <xsl:template match="hazelcast-runtime-configuration">
    <hazelcast-runtime-configuration start-port="5900" das-port="4900" auto-increment-port="true"
                                     interface="127.0.0.1" das-bind-address="127.0.0.1"/>
  </xsl:template>

  <xsl:template match="config[@name='server-config']/java-config/jvm-options[starts-with(., '-Xmx')]">
    <jvm-options><xsl:value-of select="concat('-Xmx', $heap)"/></jvm-options>
    <jvm-options>-XX:+UseSerialGC</jvm-options>
    <jvm-options>-Dh2.bindAddress=127.0.0.1</jvm-options>
    <jvm-options><xsl:value-of select="concat('-Dhub.datasource.class-name=', $dbClass)"/></jvm-options>
    <jvm-options><xsl:value-of select="concat('-Dhub.datasource.url=', $dbUrl)"/></jvm-options>
    <jvm-options><xsl:value-of select="concat('-Dhub.datasource.user=', $dbUser)"/></jvm-options>
    <jvm-options><xsl:value-of select="concat('-Dhub.datasource.password=', $dbPassword)"/></jvm-options>
    <jvm-options><xsl:value-of select="concat('-Dhub.data-dir=', $dataDir)"/></jvm-options>
    <jvm-options><xsl:value-of select="concat('-Dhub.security.initial-admin.password=', $adminPassword)"/></jvm-options>
  </xsl:template>
  <!-- the OSGi remote shell would listen on a fixed port -->
  <xsl:template match="config[@name='server-config']/java-config/jvm-options[starts-with(., '-Dorg.glassfish.additionalOSGiBundlesToStart')]">
    <jvm-options>-Dorg.glassfish.additionalOSGiBundlesToStart=org.apache.felix.shell,org.apache.felix.gogo.runtime,org.apache.felix.gogo.shell,org.apache.felix.gogo.command,org.apache.felix.fileinstall</jvm-options>
  </xsl:template>

  <xsl:template match="/domain/resources">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
      <resource-adapter-config resource-adapter-name="{$earName}#artemis-rar">
        <property name="ConnectionParameters" value="host=127.0.0.1;port={$brokerPort}"/>
      </resource-adapter-config>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
